package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.StopSignals;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp directory serve}: an atDirectory in the foreground. */
@Command(
    name = "serve",
    header = "Run an atDirectory in the foreground.",
    sortOptions = false,
    showDefaultValues = true,
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Runs an atDirectory in the foreground (TLS), answering from a registry file that it"
          + " re-reads when it changes. Unknown atSigns can be forwarded to an upstream directory"
          + " (split horizon). Prints a line starting with `ready` once it listens; Ctrl-C or"
          + " SIGTERM stops it (exit code 0).",
      "Certificate: --cert and --key, or else one issued by the home folder's private CA for the"
          + " --cert-host names.",
      ""
    })
final class DirectoryServeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (0.0.0.0: every interface).")
  private String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      defaultValue = "" + DirectoryConfig.DEFAULT_PORT,
      description =
          "Port to listen on (the public root uses " + DirectoryConfig.WELL_KNOWN_PORT + ").")
  private int port;

  @Mixin private RegistryOption registry;

  @Mixin private ServerTlsOptions tls;

  @Option(
      names = "--upstream",
      paramLabel = "HOST:PORT",
      converter = Converters.HostPortConverter.class,
      description =
          "Ask this directory about atSigns the registry does not know, e.g. root.atsign.org:64.")
  private HostPort upstream;

  @Option(
      names = "--upstream-ca",
      paramLabel = "FILE",
      description = "PEM CA to trust for the upstream (default: the JDK's trust store).")
  private Path upstreamCa;

  @Option(
      names = "--upstream-cache-time",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      defaultValue = "5m",
      description = "How long upstream answers are cached.")
  private Duration upstreamCacheTime;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      defaultValue = "5m",
      description = "Close connections silent for this long.")
  private Duration idleTimeout;

  @Mixin private MissThrottleOptions missThrottle;

  DirectoryServeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DirectoryConfig config = config();
    FileDirectoryRegistry opened = registry.open(environment);
    TlsFiles files = tls.files(environment, registry.home(), "directory", bind);
    ServerTlsContext context = ServerTlsContext.load(files, false);
    try (StopSignals.StopSignal stop = environment.stopSignals().arm()) {
      boolean clean = true;
      EventLoops loops = EventLoops.create();
      try {
        DirectoryServer server = start(loops, config, context, opened);
        try {
          out.println(
              "atDirectory on " + bind + ":" + server.port() + ", registry " + opened.file());
          out.println("certificate " + files.certificateChain());
          out.println("ready " + bind + ":" + server.port());
          out.flush();
          stop.await();
        } finally {
          server.close();
        }
      } finally {
        loops.close();
        out.println("stopped");
        out.flush();
        stop.stopped(clean);
      }
    }
    return 0;
  }

  private DirectoryConfig config() {
    DirectoryConfig config =
        DirectoryConfig.defaults(bind, port)
            .withIdleTimeout(idleTimeout)
            .withMissThrottle(missThrottle.throttle());
    if (upstream != null) {
      config =
          config.withUpstream(
              upstream, upstreamCa == null ? null : upstreamCa.toAbsolutePath(), upstreamCacheTime);
    } else if (upstreamCa != null) {
      throw new CliException("--upstream-ca needs --upstream");
    }
    return config;
  }

  private DirectoryServer start(
      EventLoops loops,
      DirectoryConfig config,
      ServerTlsContext context,
      FileDirectoryRegistry opened) {
    try {
      return DirectoryServer.start(loops, config, context, opened);
    } catch (Exception e) { // Netty rethrows bind failures (IOExceptions) unchecked
      throw new CliException(
          "cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + "); choose another --port or --bind",
          e);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
