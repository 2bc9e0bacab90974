package dev.atpj.cli.up;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.cli.common.Listening;
import dev.atpj.cli.common.Logging;
import dev.atpj.cli.common.StopSignals;
import dev.atpj.cli.server.ServerCommand;
import dev.atpj.cli.up.PlatformOnboarding.Result;
import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.metrics.MetricsEndpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp up}: a private atPlatform on this machine, in the foreground. */
@Command(
    name = "up",
    header = "Run a private atPlatform here: an atDirectory and one atServer per atSign.",
    sortOptions = false,
    showDefaultValues = true,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Runs a private atPlatform in the foreground: one atDirectory and one atServer per atSign,"
          + " all with TLS, in this one process. A private CA and one certificate per server are"
          + " made under the home folder; secrets, ports, keys and data are kept there, so the"
          + " next `atp up` with the same home picks up where this one stopped.",
      "Every atSign is onboarded on its first start (its keys file is written to keys/); its CRAM"
          + " secret is kept, so both CRAM and PKAM work.",
      "When every server is up, platform.json is written to the home folder and a line starting"
          + " with `ready` is printed. Ctrl-C or SIGTERM stops everything (exit code 0).",
      ""
    })
public final class UpCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Mixin private HomeOption home;

  @Option(
      names = "--atsigns",
      paramLabel = "@NAME",
      split = ",",
      converter = Converters.AtSignConverter.class,
      description = "Comma-separated atSigns to serve (default: @alice,@bob,@colin).")
  private List<AtSign> atSigns;

  @Option(
      names = "--host-mode",
      paramLabel = "MODE",
      converter = HostMode.Converter.class,
      defaultValue = "loopback-ips",
      description =
          "loopback-ips: each atServer on its own address 127.0.0.2, 127.0.0.3, ... (Linux);"
              + " localhost: all on 127.0.0.1 with distinct ports.")
  private HostMode hostMode;

  @Option(
      names = "--directory-port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      defaultValue = "" + PlatformSettings.DEFAULT_DIRECTORY_PORT,
      description = "Port of the atDirectory on 127.0.0.1 (0: any free port, kept across runs).")
  private int directoryPort;

  @Option(
      names = "--base-port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      defaultValue = "" + PlatformSettings.DEFAULT_BASE_PORT,
      description =
          "Port of the first atSign's atServer; the n-th atSign ever added gets PORT+n-1"
              + " (0: any free port per atServer, kept across runs).")
  private int basePort;

  @Option(
      names = "--key-algorithm",
      paramLabel = "ALG",
      converter = Converters.KeyAlgorithmConverter.class,
      defaultValue = "ec-p256",
      description =
          "Key type of the servers' certificates: ec-p256 (default; cheapest TLS handshakes) or"
              + " rsa-2048 (for clients without ECDSA). Certificates of the other type are"
              + " reissued at start; the CA stays.")
  private KeyAlgorithm keyAlgorithm;

  @Option(
      names = "--metrics",
      description =
          "Serve Prometheus metrics of every atServer (and the atDirectory) on"
              + " http://127.0.0.1:--metrics-port/metrics.")
  private boolean metrics;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      converter = Converters.PortConverter.class,
      description =
          "Port of the metrics endpoint on 127.0.0.1 (implies --metrics; 0: any free port;"
              + " default: "
              + DEFAULT_METRICS_PORT
              + ").")
  private Integer metricsPort;

  /** The metrics endpoint's default port (the Prometheus Java convention). */
  public static final int DEFAULT_METRICS_PORT = 9464;

  /** The metrics endpoint's address. */
  public static final String METRICS_HOST = "127.0.0.1";

  /**
   * Creates the command.
   *
   * @param environment the process environment (default home, stop signals)
   */
  public UpCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PlatformSettings settings =
        new PlatformSettings(
            new PlatformLayout(home.resolve(environment)),
            atSigns == null || atSigns.isEmpty() ? PlatformSettings.DEMO_ATSIGNS : atSigns,
            hostMode,
            directoryPort,
            basePort,
            keyAlgorithm);
    out.println("atp up: starting a private atPlatform in " + settings.layout().home());
    out.println("Logs: " + Logging.destination());
    out.flush();
    try (StopSignals.StopSignal stop = environment.stopSignals().arm();
        MetricsEndpoint endpoint = startMetrics()) {
      PrivatePlatform platform = PrivatePlatform.start(settings);
      boolean clean = false;
      try {
        String metricsUrl = null;
        if (endpoint != null) {
          platform.publishMetrics(endpoint.registry());
          metricsUrl = ServerCommand.metricsUrl(METRICS_HOST, endpoint.port());
        }
        Map<AtSign, Result> results = onboard(platform);
        requireOnboarded(results);
        Map<AtSign, Path> keysFiles = new LinkedHashMap<>();
        results.forEach(
            (atSign, result) -> {
              if (result.hasKeys()) {
                keysFiles.put(atSign, platform.layout().keysFile(atSign));
              }
            });
        PlatformJson.write(platform, keysFiles, metricsUrl);
        new UpReport(out, spec.commandLine().getErr()).print(platform, results, metricsUrl);
        stop.await();
        out.println("atp up: stopping");
        out.flush();
      } finally {
        clean = platform.stop();
        out.println(clean ? "stopped" : "stopped, with errors (see above)");
        out.flush();
        stop.stopped(clean);
      }
      return 0;
    }
  }

  /** The metrics endpoint, started before the platform so that a taken port fails early. */
  private MetricsEndpoint startMetrics() {
    if (!metrics && metricsPort == null) {
      return null;
    }
    int port = metricsPort == null ? DEFAULT_METRICS_PORT : metricsPort;
    try {
      return MetricsEndpoint.start(METRICS_HOST, port);
    } catch (RuntimeException e) {
      throw Listening.describe("the metrics endpoint", METRICS_HOST, port, "--metrics-port", e);
    }
  }

  /** The contract promises a keys file per atSign: a platform without one is not ready. */
  private static void requireOnboarded(Map<AtSign, Result> results) {
    results.forEach(
        (atSign, result) -> {
          if (!result.hasKeys()) {
            throw new dev.atpj.cli.common.CliException(
                "cannot onboard " + atSign + ": " + result.problem() + "; stopping");
          }
        });
  }

  private static Map<AtSign, Result> onboard(PrivatePlatform platform) {
    ClientOptions options =
        ClientOptions.defaults()
            .withTrustedCa(platform.caFile())
            .withRetries(3, Duration.ofMillis(200));
    Map<AtSign, Result> results = new LinkedHashMap<>();
    List<RunningAtSign> atSigns = platform.atSigns();
    // Each atSign's keys are checked or made at the same time: generating RSA keys dominates.
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, atSigns.size()));
    try (AtConnector connector =
        AtConnector.using(platform.loops(), platform.directoryAddress(), options)) {
      List<Future<Result>> pending = new ArrayList<>();
      for (RunningAtSign served : atSigns) {
        Path keysFile = platform.layout().keysFile(served.atSign());
        pending.add(
            workers.submit(() -> new PlatformOnboarding(connector).prepare(served, keysFile)));
      }
      for (int i = 0; i < atSigns.size(); i++) {
        results.put(atSigns.get(i).atSign(), outcome(pending.get(i)));
      }
    } finally {
      workers.shutdownNow();
    }
    return results;
  }

  private static Result outcome(Future<Result> pending) {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.atpj.cli.common.CliException("interrupted while onboarding; stopping");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
