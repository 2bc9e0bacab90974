package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.client.connection.Blocking;
import dev.atpj.client.data.AtValue;
import dev.atpj.client.notify.Subscription;
import dev.atpj.client.notify.SubscriptionOptions;
import dev.atpj.client.sync.SyncResult;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atp repl}: a friendlier shell with {@code /commands} on top of raw protocol lines. */
@Command(
    name = "repl",
    header = "An interactive shell: /get, /put, /scan, /notify, /monitor … or raw commands.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Acts as the atSign of --as. Lines starting with / are shell commands (/help lists them);"
          + " any other line goes to the atServer as is and its answer is printed after `=>`.",
      ""
    })
public final class ReplCommand implements Callable<Integer> {
  static final String HELP =
      String.join(
          "\n",
          "  /get KEY                 read and decrypt (phone, public:x@bob, phone@alice)",
          "  /put KEY VALUE           store (phone: self; public:phone; @bob:phone: shared)",
          "  /delete KEY              delete one of your keys",
          "  /scan [REGEX]            list your keys",
          "  /notify KEY VALUE        notify @bob:KEY's recipient of VALUE (encrypted)",
          "  /text @NAME TEXT         send a text message",
          "  /monitor [REGEX]         show notifications as they come (again: stop)",
          "  /sync                    sync the replica (with --replica)",
          "  /help                    this list",
          "  /quit                    leave (also @exit or end of input)",
          "  anything else            sent to the atServer as a command");

  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private ReplicaOption replica;
  @Mixin private ShellInput input;

  private Subscription monitor;

  ReplCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    TargetOptions.Target t = target.timeoutForEachStep().resolve(environment);
    PrintWriter out = spec.commandLine().getOut();
    try (ClientSession session = replica.open(target, t);
        BufferedReader in = input.open()) {
      AtClient client = session.client();
      out.println("atp repl as " + t.atSign() + " (/help for commands, /quit to leave)");
      out.flush();
      try {
        String line;
        while ((line = input.next(in, out, t.atSign() + "> ")) != null) {
          if (line.equals("/quit") || line.equals("/exit") || line.equals("@exit")) {
            break;
          }
          String answer;
          try {
            answer = line.startsWith("/") ? command(client, line, out) : raw(client, line);
          } catch (AtException e) {
            answer = "  *** " + e.code().code() + " " + e.getMessage();
          } catch (IllegalArgumentException e) {
            answer = "  *** " + e.getMessage();
          }
          if (answer != null) {
            synchronized (out) {
              out.println(answer);
              out.flush();
            }
          }
        }
      } finally {
        if (monitor != null) {
          monitor.close();
        }
      }
    }
    return ExitCodes.OK;
  }

  private String raw(AtClient client, String line) {
    return "  => "
        + Blocking.await(
            client.connection().executeRawAsync(line), target.timeout().plusSeconds(2), "answer");
  }

  private String command(AtClient client, String line, PrintWriter out) {
    String[] parts = line.split("\\s+", 3);
    String verb = parts[0];
    switch (verb) {
      case "/help":
        return HELP;
      case "/get":
        {
          AtValue v = client.get(AtKey.parse(arg(parts, 1, "KEY")));
          return "  => " + v.value() + signature(v);
        }
      case "/put":
        {
          AtKey key = AtKey.parse(arg(parts, 1, "KEY"));
          long id = client.put(key, arg(parts, 2, "VALUE"));
          return "  => stored "
              + (key.owner() == null ? key.withOwner(client.atSign()) : key)
              + " ("
              + id
              + ")";
        }
      case "/delete":
        {
          AtKey key = AtKey.parse(arg(parts, 1, "KEY"));
          client.delete(key);
          return "  => deleted";
        }
      case "/scan":
        {
          String regex = parts.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : null;
          StringBuilder b = new StringBuilder();
          for (AtKey k : client.getKeys(regex)) {
            b.append(b.length() == 0 ? "" : "\n").append("  ").append(k);
          }
          return b.length() == 0 ? "  (no keys)" : b.toString();
        }
      case "/notify":
        {
          String id = client.notify(AtKey.parse(arg(parts, 1, "KEY")), arg(parts, 2, "VALUE"));
          return "  => notification " + id;
        }
      case "/text":
        {
          String id =
              client.notifyText(AtSign.parse(arg(parts, 1, "@NAME")), arg(parts, 2, "TEXT"));
          return "  => notification " + id;
        }
      case "/monitor":
        {
          if (monitor != null) {
            monitor.close();
            monitor = null;
            return "  => monitor stopped";
          }
          String regex = parts.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : null;
          monitor =
              client.subscribe(
                  SubscriptionOptions.defaults().withRegex(regex),
                  n -> {
                    if (!n.isSharedKey()) {
                      synchronized (out) {
                        out.println("  => notification " + MonitorCommand.line(n));
                        out.flush();
                      }
                    }
                  });
          return "  => monitoring" + (regex == null ? "" : " " + regex);
        }
      case "/sync":
        {
          SyncResult r = client.sync();
          return "  => pulled "
              + r.pulled()
              + ", pushed "
              + r.pushed()
              + ", "
              + r.conflicts().size()
              + " conflicts";
        }
      default:
        return "  *** unknown command " + verb + " (/help lists them)";
    }
  }

  private static String signature(AtValue v) {
    return switch (v.signature()) {
      case INVALID -> "   (signature does NOT verify)";
      case VALID -> "   (signed)";
      default -> "";
    };
  }

  private static String arg(String[] parts, int index, String name) {
    if (parts.length <= index || parts[index].isBlank()) {
      throw new IllegalArgumentException("missing " + name + " (/help)");
    }
    return parts[index];
  }
}
