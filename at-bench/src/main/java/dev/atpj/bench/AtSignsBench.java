package dev.atpj.bench;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Many atSigns in one JVM: starts {@link BenchOptions#atSigns()} atServers one after the other,
 * each with its own RocksDB folder and port but all on one {@link StoreEnvironment} and one set of
 * event loops (as {@code atp up} and a hosting process do), and writes {@value #KEYS} self keys to
 * each over the wire as its owner (CRAM). Then, with every atServer up and idle, it drives {@link
 * BenchOptions#connections()} owner connections, each to a randomly chosen atSign, with {@code
 * llookup} for the warm-up and duration.
 *
 * <p>Rows: the start-up (atSigns per second; percentiles of one first start, which includes
 * generating the atServer's RSA signing key pair) and the owner reads. Notes: heap after GC, RSS,
 * open file descriptors and threads per idle atSign, and the time to stop them all.
 */
final class AtSignsBench {
  static final int KEYS = 3;
  private static final String SECRET = "bench-cram-secret";
  private static final long RANDOM_SEED = 6464;

  /** How often (in atSigns started) the file-descriptor limit is checked. */
  private static final int FILE_CHECK_EVERY = 25;

  private AtSignsBench() {}

  static List<BenchResult> run(
      BenchPki pki,
      BenchOptions options,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops)
      throws Exception {
    int count = options.atSigns();
    Path root = workDir.resolve("atsigns-storage");
    TlsFiles tlsFiles = pki.tlsFiles("atsigns");
    ClientTlsContext clientTls = ClientTlsContext.create(pki.caFile(), null);
    List<AtServer> servers = new ArrayList<>();
    try (StoreEnvironment stores = new StoreEnvironment()) {
      AtServerEnvironment environment =
          new AtServerEnvironment(serverLoops, stores, Clock.systemUTC());
      try {
        // One atSign before measuring, so that class loading and JIT are not charged to the rest.
        servers.add(start(environment, root, tlsFiles, AtSign.parse("@benchwarmup"), clientTls));
        ProcessResources before = ProcessResources.take();
        long[] startNanos = new long[count];
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
          long t0 = System.nanoTime();
          AtServer server = AtServer.start(environment, config(root, tlsFiles, atSign(i)));
          startNanos[i] = System.nanoTime() - t0;
          servers.add(server);
          writeKeys(server, clientLoops, clientTls);
          if ((i + 1) % FILE_CHECK_EVERY == 0) {
            checkFiles(before, i + 1, count);
          }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        ProcessResources after = ProcessResources.take();
        Arrays.sort(startNanos);
        BenchResult reads =
            drive(options, servers.subList(1, servers.size()), clientLoops, clientTls, serverLoops);
        List<String> notes = new ArrayList<>();
        notes.add("before: " + before.line());
        notes.add("after:  " + after.line());
        notes.add(after.costLine(before, count, "atSign") + " (idle, " + KEYS + " keys each)");
        long stopFrom = System.nanoTime();
        closeAll(servers);
        notes.add(
            String.format(
                Locale.ROOT,
                "stopping all %d atServers took %.1f s",
                count + 1,
                (System.nanoTime() - stopFrom) / 1e9));
        String name = String.format(Locale.ROOT, "atpj start %d atSigns", count);
        return List.of(
            new BenchResult(name, count, 0, seconds, startNanos).with(name, notes), reads);
      } finally {
        closeAll(servers);
      }
    }
  }

  static AtSign atSign(int index) {
    return AtSign.parse(String.format(Locale.ROOT, "@bench%05d", index));
  }

  static String key(AtSign owner, int index) {
    return "bench" + index + ".bench" + owner;
  }

  private static AtServerConfig config(Path root, TlsFiles tls, AtSign atSign) {
    return AtServerConfig.builder(atSign, StoreEnvironment.folderFor(root, atSign.toString()), tls)
        .bindHost(BenchPki.HOST)
        .port(0)
        .cramSecret(SECRET)
        .build();
  }

  private static AtServer start(
      AtServerEnvironment environment,
      Path root,
      TlsFiles tls,
      AtSign atSign,
      ClientTlsContext clientTls) {
    AtServer server = AtServer.start(environment, config(root, tls, atSign));
    writeKeys(server, environment.loops(), clientTls);
    return server;
  }

  /** Writes {@value #KEYS} self keys as the owner, over one CRAM-authenticated connection. */
  private static void writeKeys(AtServer server, EventLoops loops, ClientTlsContext tls) {
    try (LineClient owner = connect(server, loops, tls)) {
      for (int k = 0; k < KEYS; k++) {
        OwnerReadBench.expectData(
            owner.request(
                "update:" + key(server.atSign(), k) + " value-" + k, LineBenchClient.TIMEOUT));
      }
    }
  }

  private static LineClient connect(AtServer server, EventLoops loops, ClientTlsContext tls) {
    LineClient client =
        LineClient.connect(
                loops,
                tls,
                BenchPki.HOST,
                server.port(),
                LineBenchClient.TIMEOUT,
                ReplyParser::stripPrompt)
            .join();
    try {
      OwnerReadBench.authenticate(client, server.atSign(), SECRET);
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Owner reads, each connection on a random atSign, while every atServer is up. */
  private static BenchResult drive(
      BenchOptions options,
      List<AtServer> servers,
      EventLoops loops,
      ClientTlsContext tls,
      EventLoops serverLoops)
      throws InterruptedException {
    Random random = new Random(RANDOM_SEED);
    List<LineBenchClient> clients = new ArrayList<>();
    try {
      for (int c = 0; c < options.connections(); c++) {
        AtServer server = servers.get(random.nextInt(servers.size()));
        LineClient connection = connect(server, loops, tls);
        AtSign owner = server.atSign();
        clients.add(
            new LineBenchClient(
                connection,
                seq -> "llookup:" + key(owner, (int) (seq % KEYS)),
                answer -> answer.startsWith("data:")));
      }
      String name = String.format(Locale.ROOT, "atpj owner read, %d atSigns up", servers.size());
      return ClosedLoopDriver.run(name, clients, options, CpuMeter.workerThreads(serverLoops));
    } finally {
      clients.forEach(LineBenchClient::close);
    }
  }

  /** Fails in one line before the process runs out of file descriptors. */
  private static void checkFiles(ProcessResources before, int started, int count)
      throws BenchUnavailableException {
    long limit = ProcessResources.maxOpenFiles();
    long open = ProcessResources.openFileCount();
    if (limit < 0 || open < 0) {
      return;
    }
    double perAtSign = (open - before.openFiles()) / (double) started;
    long needed = Math.round(open + perAtSign * (count - started));
    if (needed > limit * 0.9) {
      throw new BenchUnavailableException(
          String.format(
              Locale.ROOT,
              "%d atSigns need about %d file descriptors (%.1f each) but ulimit -n is %d;"
                  + " raise it (ulimit -n 65536) or lower --atsigns",
              count,
              needed,
              perAtSign,
              limit));
    }
  }

  private static void closeAll(List<AtServer> servers) {
    for (AtServer server : servers) {
      server.close();
    }
    servers.clear();
  }
}
