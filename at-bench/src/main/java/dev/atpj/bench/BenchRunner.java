package dev.atpj.bench;

import dev.atpj.server.core.EventLoops;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs named benchmarks and prints one table. Servers and clients get separate event loops so a
 * target's server threads are not shared with the load generator's. A target that cannot run here
 * ({@link BenchUnavailableException}, e.g. no {@code redis-server}) gets a one-line row saying why,
 * and the others still run.
 */
public final class BenchRunner {
  /** Benchmarks by name. */
  public enum Target {
    /** atDirectory lookups (in-process server). */
    DIRECTORY,
    /** atServer owner reads: {@code llookup} by a CRAM-authenticated owner (in-process server). */
    OWNER_READ,
    /** Redis GET over TLS (redis-server started here) with the Lettuce client, the yardstick. */
    REDIS,
    /**
     * Redis GET over TLS driven by the atpj targets' own client and driver (inline commands), so
     * that only the server differs.
     */
    REDIS_INLINE,
    /**
     * Notification latency between two in-process atServers, {@code notify} to the recipient's
     * monitor: cold (first, with handshakes) and warm percentiles ({@link NotifyLatencyBench}).
     */
    NOTIFY,
    /**
     * {@link BenchOptions#openConnections()} TLS connections held open on one in-process atServer:
     * opening rate, memory, file descriptors and threads per connection, and request latency while
     * they are all open ({@link ConnectionsBench}).
     */
    CONNECTIONS,
    /**
     * {@link BenchOptions#atSigns()} atServers in this process on one storage environment and one
     * set of event loops: start-up time, memory, file descriptors and threads per atSign, and owner
     * reads on random atSigns while all are up ({@link AtSignsBench}).
     */
    ATSIGNS
  }

  /** What {@code atp bench} compares when no target is named. */
  public static final List<Target> COMPARISON =
      List.of(Target.DIRECTORY, Target.OWNER_READ, Target.REDIS, Target.REDIS_INLINE);

  /** The command that starts Redis unless another is set. */
  public static final String DEFAULT_REDIS_SERVER = "redis-server";

  private final Path workDir;
  private final PrintWriter out;
  private final int serverThreads;
  private final int clientThreads;
  private final String redisServer;
  private final List<String> skipped = new ArrayList<>();

  /**
   * A runner.
   *
   * @param workDir a folder for certificates and server files
   * @param out where the table goes
   * @param serverThreads I/O threads of in-process servers
   * @param clientThreads I/O threads of the load generator
   */
  public BenchRunner(Path workDir, PrintStream out, int serverThreads, int clientThreads) {
    this(workDir, new PrintWriter(out, true), serverThreads, clientThreads, DEFAULT_REDIS_SERVER);
  }

  /**
   * A runner.
   *
   * @param workDir a folder for certificates and server files
   * @param out where the table goes
   * @param serverThreads I/O threads of in-process servers
   * @param clientThreads I/O threads of the load generator
   * @param redisServer the {@code redis-server} command (a name on the PATH or a file)
   */
  public BenchRunner(
      Path workDir, PrintWriter out, int serverThreads, int clientThreads, String redisServer) {
    if (serverThreads < 1 || clientThreads < 1) {
      throw new IllegalArgumentException("thread counts must be positive");
    }
    this.workDir = workDir;
    this.out = out;
    this.serverThreads = serverThreads;
    this.clientThreads = clientThreads;
    this.redisServer = redisServer;
  }

  /**
   * Runs the targets one after the other and prints a row for each.
   *
   * @param targets what to run
   * @param options load shape
   * @return the results of the targets that ran, in order
   * @throws Exception when a target fails (other than being unavailable here)
   */
  public List<BenchResult> run(List<Target> targets, BenchOptions options) throws Exception {
    BenchPki pki = new BenchPki(workDir);
    out.printf(
        Locale.ROOT,
        "connections=%d depth=%d warmup=%s duration=%s keys=%d server-threads=%d client-threads=%d%n",
        options.connections(),
        options.depth(),
        seconds(options.warmup()),
        seconds(options.duration()),
        options.keys(),
        serverThreads,
        clientThreads);
    if (targets.contains(Target.CONNECTIONS) || targets.contains(Target.ATSIGNS)) {
      out.printf(
          Locale.ROOT,
          "open-connections=%d atsigns=%d%n",
          options.openConnections(),
          options.atSigns());
    }
    out.println(BenchResult.header());
    out.flush();
    List<BenchResult> results = new ArrayList<>();
    for (Target target : targets) {
      try {
        for (BenchResult result : runOne(target, pki, options)) {
          results.add(result);
          out.println(result.row());
          result.notes().forEach(note -> out.println("  " + note));
        }
      } catch (BenchUnavailableException e) {
        skipped.add(e.getMessage());
        out.printf(Locale.ROOT, "%-28s skipped: %s%n", name(target), e.getMessage());
      }
      out.flush();
    }
    return results;
  }

  /** Why targets of the last {@link #run} were skipped, one line each. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  /**
   * The name a target's row carries.
   *
   * @param target the target
   * @return e.g. {@code redis GET (TLS)}
   */
  public static String name(Target target) {
    return switch (target) {
      case DIRECTORY -> "atpj directory lookup";
      case OWNER_READ -> "atpj owner read (llookup)";
      case REDIS -> "redis GET (TLS)";
      case REDIS_INLINE -> "redis GET (TLS, same client)";
      case NOTIFY -> "atpj notify to monitor";
      case CONNECTIONS -> "atpj open connections";
      case ATSIGNS -> "atpj many atSigns";
    };
  }

  private List<BenchResult> runOne(Target target, BenchPki pki, BenchOptions options)
      throws Exception {
    if (target == Target.REDIS) {
      return List.of(RedisBench.run(pki, options, workDir, clientThreads, redisServer));
    }
    try (EventLoops serverLoops = EventLoops.create(serverThreads);
        EventLoops clientLoops = EventLoops.create(clientThreads)) {
      return switch (target) {
        case DIRECTORY -> List.of(DirectoryBench.run(pki, options, serverLoops, clientLoops));
        case OWNER_READ ->
            List.of(OwnerReadBench.run(pki, options, workDir, serverLoops, clientLoops));
        case REDIS_INLINE ->
            List.of(RedisInlineBench.run(pki, options, workDir, clientLoops, redisServer));
        case NOTIFY -> NotifyLatencyBench.run(pki, options, workDir, serverLoops, clientLoops);
        case CONNECTIONS -> ConnectionsBench.run(pki, options, workDir, serverLoops, clientLoops);
        case ATSIGNS -> AtSignsBench.run(pki, options, workDir, serverLoops, clientLoops);
        case REDIS -> throw new IllegalStateException("not in-process");
      };
    }
  }

  private static String seconds(java.time.Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
