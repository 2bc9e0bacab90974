package dev.atpj.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.atpj.bench.BenchOptions;
import dev.atpj.bench.BenchRunner;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code atp bench}: load benchmarks side by side with Redis over TLS. */
@Command(
    name = "bench",
    header =
        "Benchmark atDirectory lookups and atServer owner reads against Redis over TLS,"
            + " notifications, open connections and many atSigns in one JVM.",
    sortOptions = false,
    showDefaultValues = true,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    subcommands = BenchJmhCommand.class,
    description = {
      "Starts each target in this process (Redis as a redis-server child process), all with TLS"
          + " on 127.0.0.1 and certificates from a throw-away CA, opens --connections"
          + " connections that each keep --depth requests in flight, drives them for --warmup"
          + " and then measures for --duration. Prints one row per target: requests per second"
          + " and latency percentiles.",
      "Targets: directory (atDirectory lookups), owner-read (llookup of the owner's keys,"
          + " CRAM-authenticated), redis (GET over TLS with the Lettuce client, the yardstick),"
          + " redis-inline (GET over TLS driven by the same client as the atpj targets), notify"
          + " (notification latency between two atServers), connections (--open-connections TLS"
          + " connections held open on one atServer: rate, memory and latency), atsigns"
          + " (--atsigns atServers in one process: start-up, memory, files and threads each),"
          + " and every other target at-bench offers; compare (the default) = directory owner-read"
          + " redis redis-inline; all = every target. A target that cannot run here (no"
          + " redis-server) is reported in one line, the others still run, and the exit code is"
          + " 3.",
      "Logging stays at WARN while measuring. For steady figures run it on a quiet machine.",
      ""
    })
public final class BenchCommand implements Callable<Integer> {
  private static final int HALF_THE_CORES =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  @Spec private CommandSpec spec;

  private final List<String> targets = new ArrayList<>();

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "16",
      converter = Converters.PositiveConverter.class,
      description = "Concurrent connections per target.")
  private int connections;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "1",
      converter = Converters.PositiveConverter.class,
      description = "Requests in flight per connection (1: request, answer, next request).")
  private int depth;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = Converters.DurationConverter.class,
      description = "Measured time per target.")
  private Duration duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "3s",
      converter = Converters.DurationConverter.class,
      description = "Time driven before measuring.")
  private Duration warmup;

  @Option(
      names = "--keys",
      paramLabel = "N",
      defaultValue = "10000",
      converter = Converters.PositiveConverter.class,
      description = "Distinct keys (atSigns for the directory) the requests cycle through.")
  private int keys;

  @Option(
      names = "--open-connections",
      paramLabel = "N",
      defaultValue = "" + BenchOptions.DEFAULT_OPEN_CONNECTIONS,
      converter = Converters.PositiveConverter.class,
      description =
          "Connections the connections target opens and holds on one atServer (needs about 2N"
              + " file descriptors: both ends are in this process).")
  private int openConnections;

  @Option(
      names = "--atsigns",
      paramLabel = "N",
      defaultValue = "" + BenchOptions.DEFAULT_ATSIGNS,
      converter = Converters.PositiveConverter.class,
      description = "atServers the atsigns target hosts in this process.")
  private int atSigns;

  @Option(
      names = "--server-threads",
      paramLabel = "N",
      converter = Converters.PositiveConverter.class,
      description = "I/O threads of the in-process servers (default: half the cores, at least 1).")
  private Integer serverThreads;

  @Option(
      names = "--client-threads",
      paramLabel = "N",
      converter = Converters.PositiveConverter.class,
      description = "I/O threads of the load generator (default: half the cores, at least 1).")
  private Integer clientThreads;

  @Option(
      names = "--redis-server",
      paramLabel = "COMMAND",
      defaultValue = BenchRunner.DEFAULT_REDIS_SERVER,
      description = "The redis-server program (Redis 6 or later, built with TLS).")
  private String redisServer;

  /**
   * Checks the target names as they are parsed (a usage error names the valid ones).
   *
   * @param names the names given
   */
  @Parameters(
      paramLabel = "TARGET",
      arity = "0..*",
      completionCandidates = BenchTargets.Candidates.class,
      description = "What to run: ${COMPLETION-CANDIDATES} (default: compare).")
  void targets(List<String> names) {
    targets.clear();
    for (String name : names) {
      try {
        targets.add(new BenchTargets.Converter().convert(name));
      } catch (TypeConversionException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (duration.isZero()) {
      throw new dev.atpj.cli.common.CliException("--duration must be longer than 0s");
    }
    quietLogging();
    BenchOptions options =
        new BenchOptions(connections, depth, warmup, duration, keys, openConnections, atSigns);
    Path workDir = Files.createTempDirectory("atp-bench");
    try {
      BenchRunner runner =
          new BenchRunner(
              workDir,
              out,
              serverThreads == null ? HALF_THE_CORES : serverThreads,
              clientThreads == null ? HALF_THE_CORES : clientThreads,
              redisServer);
      runner.run(BenchTargets.resolve(targets), options);
      out.flush();
      if (!runner.skipped().isEmpty()) {
        runner.skipped().forEach(reason -> err.println("atp: " + reason));
        err.flush();
        return ExitCodes.USER_ERROR;
      }
      return 0;
    } finally {
      deleteQuietly(workDir);
    }
  }

  /**
   * Keeps every logger at WARN, even with {@code --verbose}: Lettuce or Netty at DEBUG would
   * measure logging, not serving.
   */
  static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      for (String name : List.of("dev.atpj", "io.lettuce", "io.netty", "reactor")) {
        context.getLogger(name).setLevel(Level.WARN);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LoggerFactory.getLogger(BenchCommand.class).warn("cannot delete {}", dir, e);
    }
  }
}
