package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.Blocking;
import dev.atpj.protocol.AtException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atp raw}: an interactive protocol shell, like {@code openssl s_client} but with the
 * atServer found through the directory, TLS trusted and authentication done.
 */
@Command(
    name = "raw",
    header = "A protocol shell on your atServer, authenticated (like openssl s_client).",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Connects to the atServer of --as, authenticates (PKAM with the keys file; --cram with the"
          + " CRAM secret; --no-auth not at all), then sends each line you type as a command and"
          + " prints the answer as the server wrote it (data:… or error:…). After `monitor`,"
          + " notification lines are printed as they come. `@exit` or end of input quits.",
      ""
    })
public final class RawCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private ShellInput input;

  @Option(names = "--cram", description = "Authenticate with the CRAM secret instead of PKAM.")
  private boolean cram;

  @Option(names = "--no-auth", description = "Do not authenticate.")
  private boolean noAuth;

  RawCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    TargetOptions.Target t = target.timeoutForEachStep().resolve(environment);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AtConnector connector = AtConnector.standalone(t.directory(), target.sdkOptions(t));
        BufferedReader in = input.open()) {
      AtConnection connection = connect(connector, t, out);
      err.println(
          "connected to "
              + t.atSign()
              + " at "
              + connection.address()
              + (noAuth ? "" : ", authenticated with " + (cram ? "CRAM" : "PKAM"))
              + "; @exit quits");
      err.flush();
      String prompt = noAuth ? "@" : t.atSign() + "@";
      try {
        String line;
        while ((line = input.next(in, out, prompt)) != null) {
          if (line.equals("@exit")) {
            break;
          }
          if (!connection.isOpen()) {
            connection = connect(connector, t, out);
            err.println("atp: reconnected");
          }
          if (line.toLowerCase(Locale.ROOT).startsWith("monitor")) {
            connection.send(line);
            continue;
          }
          try {
            String reply =
                Blocking.await(
                    connection.executeRawAsync(line), target.timeout().plusSeconds(2), "answer");
            synchronized (out) {
              out.println(reply);
              out.flush();
            }
          } catch (AtException e) {
            err.println("atp: " + e.getMessage());
            err.flush();
          }
        }
      } finally {
        connection.close();
      }
    }
    return ExitCodes.OK;
  }

  private AtConnection connect(AtConnector connector, TargetOptions.Target t, PrintWriter out) {
    AtConnection connection;
    if (noAuth) {
      connection = connector.connect(t.atSign());
    } else if (cram) {
      if (t.cramSecret() == null) {
        throw new CliException("no CRAM secret for " + t.atSign() + " in platform.json");
      }
      connection = connector.connectWithCram(t.atSign(), t.cramSecret());
    } else {
      connection = connector.connectWithPkam(t.atSign(), target.readKeys(t));
    }
    connection.onNotification(
        json -> {
          synchronized (out) {
            out.println("notification: " + json);
            out.flush();
          }
        });
    return connection;
  }
}
