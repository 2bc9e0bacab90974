package dev.atpj.cli.server;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.Listening;
import dev.atpj.cli.common.Logging;
import dev.atpj.cli.common.StopSignals;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.config.ServerSettings;
import dev.atpj.server.config.Setting;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.metrics.MetricsEndpoint;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp server}: one atServer in the foreground, configured from a file. */
@Command(
    name = "server",
    header =
        "Run one atServer in the foreground, configured by a file, ATPJ_ variables and options.",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Runs one atServer (TLS) in the foreground. Settings come from the properties file of"
          + " --config, overridden by ATPJ_ environment variables (e.g. ATPJ_PORT), overridden by"
          + " the options below and --set NAME=VALUE. Required: atSign, storageDir,"
          + " tls.certificate and tls.privateKey. `atp server --example-config` prints every"
          + " setting with its default and variable; --print-config shows the effective values"
          + " and where each came from.",
      "Prints a line starting with `ready` once it listens; Ctrl-C or SIGTERM stops it (exit"
          + " code 0).",
      ""
    })
public final class ServerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The configuration file (Java properties).")
  private Path config;

  @Option(
      names = "--atsign",
      paramLabel = "@NAME",
      converter = Converters.AtSignConverter.class,
      description = "atSign: the atSign served.")
  private AtSign atSign;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      description = "bindHost: address to listen on (default 0.0.0.0).")
  private String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      description = "port: port to listen on (default 6464; 0: any free port).")
  private Integer port;

  @Option(names = "--storage", paramLabel = "DIR", description = "storageDir: the storage folder.")
  private Path storage;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "tls.certificate: PEM certificate chain.")
  private Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "tls.privateKey: PEM PKCS#8 key.")
  private Path key;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "tls.trustedCa: PEM CA trusted for calls to the directory and other atServers.")
  private Path ca;

  @Option(
      names = "--directory",
      paramLabel = "HOST:PORT",
      converter = Converters.HostPortConverter.class,
      description = "directory: the atDirectory for server-to-server lookups.")
  private HostPort directory;

  @Option(
      names = "--cram-secret",
      paramLabel = "SECRET",
      description =
          "cramSecret: the initial CRAM secret (other users may see command lines; prefer"
              + " --cram-secret-file or ATPJ_CRAM_SECRET).")
  private String cramSecret;

  @Option(
      names = "--cram-secret-file",
      paramLabel = "FILE",
      description = "cramSecretFile: a file whose first line is the initial CRAM secret.")
  private Path cramSecretFile;

  @Option(
      names = "--metrics",
      description = "metrics.enabled: serve Prometheus metrics (metrics.host:metrics.port).")
  private boolean metrics;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      description = "metrics.port: port of the metrics endpoint (implies --metrics; 0: any).")
  private Integer metricsPort;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Any setting by name, e.g. --set sync.pageLimit=50 (repeatable).")
  private Map<String, String> sets = new LinkedHashMap<>();

  @Option(
      names = "--register",
      paramLabel = "REGISTRY",
      description =
          "Once listening, add this atSign with its address to a directory registry file (the"
              + " JSON file `atp directory serve --registry` reads).")
  private Path register;

  @Option(
      names = "--register-host",
      paramLabel = "HOST",
      description =
          "The host to register (default: the bind address; needed when binding 0.0.0.0).")
  private String registerHost;

  @Option(
      names = "--print-config",
      description = "Print the effective settings and where each came from, then exit.")
  private boolean printConfig;

  @Option(
      names = "--example-config",
      description = "Print a commented configuration file with every setting, then exit.")
  private boolean exampleConfig;

  /**
   * Creates the command.
   *
   * @param environment the process environment (ATPJ_ variables, stop signals)
   */
  public ServerCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (exampleConfig) {
      out.print(ServerSettings.describe());
      out.flush();
      return 0;
    }
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> given = commandLineSettings(options);
    ServerSettings settings = resolve(given);
    if (printConfig) {
      SettingsReport.print(out, settings, absolute(config), options);
      return 0;
    }
    AtServerConfig serverConfig = validate(settings);
    String advertised = registerHost(serverConfig);
    try (StopSignals.StopSignal stop = environment.stopSignals().arm()) {
      boolean clean = true;
      EventLoops loops = EventLoops.create();
      StoreEnvironment stores = new StoreEnvironment();
      MetricsEndpoint endpoint = null;
      AtServer server = null;
      try {
        endpoint = settings.metricsEnabled() ? startMetrics(settings) : null;
        server = start(new AtServerEnvironment(loops, stores, Clock.systemUTC()), serverConfig);
        if (endpoint != null) {
          server.metrics().publishTo(endpoint.registry());
        }
        String address = serverConfig.bindHost() + ":" + server.port();
        out.println(
            "atp server: "
                + serverConfig.atSign()
                + " on "
                + address
                + ", storage "
                + serverConfig.storageDir().toAbsolutePath());
        out.println("logs " + Logging.destination());
        out.println("certificate " + serverConfig.tls().certificateChain().toAbsolutePath());
        if (serverConfig.peers().directory() != null) {
          out.println("directory " + serverConfig.peers().directory().directory());
        }
        if (endpoint != null) {
          out.println("metrics " + metricsUrl(settings.metricsHost(), endpoint.port()));
        }
        if (advertised != null) {
          out.println(registered(serverConfig.atSign(), advertised, server.port()));
        }
        out.println("ready " + address);
        out.flush();
        stop.await();
        out.println("atp server: stopping");
        out.flush();
      } finally {
        clean &= quietly("the atServer", server);
        clean &= quietly("the metrics endpoint", endpoint);
        clean &= quietly("storage", stores);
        clean &= quietly("event loops", loops);
        out.println(clean ? "stopped" : "stopped, with errors (see above)");
        out.flush();
        stop.stopped(clean);
      }
    }
    return 0;
  }

  /** The command-line options as settings; fills {@code options} with each one's option name. */
  private Map<String, String> commandLineSettings(Map<String, String> options) {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, options, "atSign", "--atsign", atSign);
    put(given, options, "bindHost", "--bind", bind);
    put(given, options, "port", "--port", port);
    put(given, options, "storageDir", "--storage", absolute(storage));
    put(given, options, "tls.certificate", "--cert", absolute(cert));
    put(given, options, "tls.privateKey", "--key", absolute(key));
    put(given, options, "tls.trustedCa", "--ca", absolute(ca));
    put(given, options, "directory", "--directory", directory);
    put(given, options, "cramSecret", "--cram-secret", cramSecret);
    put(given, options, "cramSecretFile", "--cram-secret-file", absolute(cramSecretFile));
    if (cramSecret != null && cramSecretFile == null) {
      given.put("cramSecretFile", ""); // the option beats a secret file set elsewhere
      options.put("cramSecretFile", "--cram-secret");
    } else if (cramSecretFile != null && cramSecret == null) {
      given.put("cramSecret", "");
      options.put("cramSecret", "--cram-secret-file");
    }
    put(
        given,
        options,
        "metrics.enabled",
        metrics ? "--metrics" : "--metrics-port",
        (metrics || metricsPort != null) ? "true" : null);
    put(given, options, "metrics.port", "--metrics-port", metricsPort);
    sets.forEach(
        (name, value) -> {
          given.put(name, value);
          options.put(name, "--set " + name);
        });
    return given;
  }

  private static void put(
      Map<String, String> given,
      Map<String, String> options,
      String name,
      String option,
      Object v) {
    if (v != null) {
      given.put(name, v.toString());
      options.put(name, option);
    }
  }

  private static Path absolute(Path path) {
    return path == null ? null : path.toAbsolutePath().normalize();
  }

  private ServerSettings resolve(Map<String, String> given) {
    if (config != null && !Files.isRegularFile(config)) {
      throw new CliException("no such configuration file: " + absolute(config));
    }
    try {
      return ServerSettings.resolve(absolute(config), environment.variables(), given);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage() + hint(e.getMessage()), e);
    }
  }

  /** For a missing setting: where it can be given. */
  private static String hint(String message) {
    for (Setting s : ServerSettings.SETTINGS) {
      if (message.startsWith("missing setting " + s.name() + " ")) {
        String option = OPTIONS.get(s.name());
        return "; set "
            + s.name()
            + " in the --config file, "
            + s.environmentName()
            + (option == null ? "" : " or " + option);
      }
    }
    return "";
  }

  private static final Map<String, String> OPTIONS =
      Map.of(
          "atSign", "--atsign",
          "storageDir", "--storage",
          "tls.certificate", "--cert",
          "tls.privateKey", "--key");

  /** Builds the server configuration and checks its files, before anything starts. */
  private static AtServerConfig validate(ServerSettings settings) {
    AtServerConfig built;
    try {
      built = settings.toConfig();
    } catch (AtException e) {
      throw new CliException(e.detail(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid configuration: " + e.getMessage(), e);
    }
    readable(settings, "tls.certificate", built.tls().certificateChain());
    readable(settings, "tls.privateKey", built.tls().privateKey());
    if (built.tls().trustedCa() != null) {
      readable(settings, "tls.trustedCa", built.tls().trustedCa());
    }
    return built;
  }

  private static void readable(ServerSettings settings, String name, Path file) {
    if (!Files.isReadable(file)) {
      throw new CliException(
          "cannot read "
              + name
              + " "
              + file.toAbsolutePath()
              + " (from "
              + settings.source(name).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ")");
    }
  }

  private String registerHost(AtServerConfig serverConfig) {
    if (register == null) {
      if (registerHost != null) {
        throw new CliException("--register-host needs --register");
      }
      return null;
    }
    String host = registerHost != null ? registerHost : serverConfig.bindHost();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
      throw new CliException(
          "--register needs --register-host when the server listens on every interface");
    }
    return host;
  }

  private String registered(AtSign served, String host, int boundPort) {
    HostPort address;
    try {
      address = new HostPort(host, boundPort);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot register " + served + ": " + e.getMessage(), e);
    }
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(absolute(register));
    registry.put(served, address);
    return "registered " + served + " -> " + address + " in " + registry.file();
  }

  private static MetricsEndpoint startMetrics(ServerSettings settings) {
    try {
      return MetricsEndpoint.start(settings.metricsHost(), settings.metricsPort());
    } catch (Exception e) {
      throw Listening.describe(
          "the metrics endpoint",
          settings.metricsHost(),
          settings.metricsPort(),
          "--metrics-port",
          e);
    }
  }

  private static AtServer start(AtServerEnvironment environment, AtServerConfig config) {
    try {
      return AtServer.start(environment, config);
    } catch (AtException e) {
      throw new CliException(
          "cannot open the storage " + config.storageDir().toAbsolutePath() + ": " + e.detail(), e);
    } catch (Exception e) { // Netty rethrows bind failures (IOExceptions) unchecked
      throw Listening.describe(
          "the atServer of " + config.atSign(), config.bindHost(), config.port(), "--port", e);
    }
  }

  /**
   * The URL of a metrics endpoint.
   *
   * @param host its address
   * @param port its port
   * @return e.g. {@code http://127.0.0.1:9464/metrics}
   */
  public static String metricsUrl(String host, int port) {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + shown + ":" + port + MetricsEndpoint.PATH;
  }

  private static boolean quietly(String what, AutoCloseable part) {
    if (part == null) {
      return true;
    }
    try {
      part.close();
      return true;
    } catch (Exception e) {
      LOG.warn("stopping {} failed", what, e);
      return false;
    }
  }
}
