package dev.atpj.bench;

import dev.atpj.server.core.EventLoops;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs named benchmarks and prints one table. Servers and clients get separate event loops so a
 * target's server threads are not shared with the load generator's.
 */
public final class BenchRunner {
  /** Benchmarks by name. */
  public enum Target {
    /** atDirectory lookups (in-process server). */
    DIRECTORY,
    /** Redis GET over TLS (redis-server started here), the yardstick. */
    REDIS,
    /**
     * Notification latency between two in-process atServers, {@code notify} to the recipient's
     * monitor: cold (first, with handshakes) and warm percentiles ({@link NotifyLatencyBench}).
     */
    NOTIFY
  }

  private final Path workDir;
  private final PrintStream out;
  private final int serverThreads;
  private final int clientThreads;

  /**
   * A runner.
   *
   * @param workDir a folder for certificates and server files
   * @param out where the table goes
   * @param serverThreads I/O threads of in-process servers
   * @param clientThreads I/O threads of the load generator
   */
  public BenchRunner(Path workDir, PrintStream out, int serverThreads, int clientThreads) {
    this.workDir = workDir;
    this.out = out;
    this.serverThreads = serverThreads;
    this.clientThreads = clientThreads;
  }

  /**
   * Runs the targets one after the other and prints a row for each.
   *
   * @param targets what to run
   * @param options load shape
   * @return the results, in order
   * @throws Exception when a target cannot be started
   */
  public List<BenchResult> run(List<Target> targets, BenchOptions options) throws Exception {
    BenchPki pki = new BenchPki(workDir);
    out.printf(
        Locale.ROOT,
        "connections=%d depth=%d warmup=%ds duration=%ds keys=%d server-threads=%d client-threads=%d%n",
        options.connections(),
        options.depth(),
        options.warmup().toSeconds(),
        options.duration().toSeconds(),
        options.keys(),
        serverThreads,
        clientThreads);
    out.println(BenchResult.header());
    List<BenchResult> results = new ArrayList<>();
    for (Target target : targets) {
      for (BenchResult result : runOne(target, pki, options)) {
        results.add(result);
        out.println(result.row());
      }
    }
    return results;
  }

  private List<BenchResult> runOne(Target target, BenchPki pki, BenchOptions options)
      throws Exception {
    if (target == Target.REDIS) {
      return List.of(RedisBench.run(pki, options, workDir, clientThreads));
    }
    try (EventLoops serverLoops = EventLoops.create(serverThreads);
        EventLoops clientLoops = EventLoops.create(clientThreads)) {
      if (target == Target.NOTIFY) {
        return NotifyLatencyBench.run(pki, options, workDir, serverLoops, clientLoops);
      }
      return List.of(DirectoryBench.run(pki, options, serverLoops, clientLoops));
    }
  }
}
