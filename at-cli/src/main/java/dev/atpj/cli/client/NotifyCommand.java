package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp notify}: sends a notification. */
@Command(
    name = "notify",
    header = "Send a notification: a key's new value (encrypted), a deletion, or a text.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "atp notify --to @bob phone \"+1 555 0100\"   update notification for @bob:phone@ME, the"
          + " value encrypted with the key you share with @bob",
      "atp notify --to @bob --delete phone          delete notification",
      "atp notify --to @bob --text \"lunch?\"          a text message (not encrypted)",
      "atp notify --public location NYC            to anyone monitoring public:location@ME",
      "Prints the notification id; --wait waits until it was delivered.",
      ""
    })
public final class NotifyCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  @ArgGroup(multiplicity = "1")
  private Recipient recipient;

  static final class Recipient {
    @Option(
        names = "--to",
        paramLabel = "@NAME",
        converter = Converters.AtSignConverter.class,
        description = "The atSign notified.")
    AtSign to;

    @Option(names = "--public", description = "A public notification (public:KEY@ME).")
    boolean isPublic;
  }

  @Option(names = "--text", paramLabel = "TEXT", description = "Send a text message instead.")
  private String text;

  @Option(names = "--delete", description = "A delete notification for KEY.")
  private boolean delete;

  @Option(
      names = "--ttln",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "How long the notification lives (default: the atServer's, 15 minutes).")
  private Duration ttln;

  @Option(names = "--wait", description = "Wait until the notification was delivered.")
  private boolean await;

  @Parameters(arity = "0..2", paramLabel = "KEY [VALUE]", description = "The key and value.")
  private java.util.List<String> keyAndValue = new java.util.ArrayList<>();

  NotifyCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    TargetOptions.Target t = target.resolve(environment);
    String id;
    try (AtClient client = target.client(t).build()) {
      if (text != null) {
        if (recipient.to == null || !keyAndValue.isEmpty() || delete) {
          throw usage("--text goes with --to @NAME and nothing else");
        }
        id = client.notifyText(recipient.to, text);
      } else {
        if (keyAndValue.isEmpty()) {
          throw usage("name the KEY (and VALUE), or use --text");
        }
        AtKey key = key(keyAndValue.get(0), client.atSign());
        String value = keyAndValue.size() > 1 ? keyAndValue.get(1) : null;
        if (delete && value != null) {
          throw usage("a delete notification has no VALUE");
        }
        id = delete ? client.notifyDelete(key) : client.notify(key, value, ttln);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(id);
      if (await) {
        out.println(waitForDelivery(client, id));
      }
    }
    return ExitCodes.OK;
  }

  private AtKey key(String name, AtSign me) {
    AtKey parsed;
    try {
      parsed = AtKey.parse(name);
    } catch (AtException e) {
      throw usage("'" + name + "' is not a valid key: " + e.detail());
    }
    AtSign owner = parsed.owner() == null ? me : parsed.owner();
    return recipient.isPublic
        ? AtKey.ofPublic(parsed.entity(), owner)
        : AtKey.ofShared(recipient.to, parsed.entity(), owner);
  }

  private String waitForDelivery(AtClient client, String id) throws InterruptedException {
    Instant deadline = target.deadline();
    String status = client.notificationStatus(id);
    while (!"delivered".equals(status) && Instant.now().isBefore(deadline)) {
      if ("errored".equals(status) || "expired".equals(status)) {
        throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "notification " + id + " " + status);
      }
      Thread.sleep(100);
      status = client.notificationStatus(id);
    }
    if (!"delivered".equals(status)) {
      throw new AtException(
          AtErrorCode.TIMEOUT,
          "notification " + id + " is " + status + " after " + target.timeout());
    }
    return status;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
