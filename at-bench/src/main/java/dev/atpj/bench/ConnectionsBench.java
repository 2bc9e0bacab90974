package dev.atpj.bench;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import dev.atpj.server.core.ShrinkingIdlePolicy;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many open connections to one atServer: opens {@link BenchOptions#openConnections()} TLS
 * connections to an in-process atServer, {@value OpenConnections#IN_FLIGHT} handshakes at a time,
 * each proving its session with one {@code info:brief}, and keeps them all open. Then it drives
 * {@link BenchOptions#connections()} further connections with {@code info:brief} for the warm-up
 * and duration while all the others stay open, closes everything and checks that the server still
 * answers.
 *
 * <p>Rows: the opening (connections per second; percentiles of connect + handshake + first answer)
 * and the requests with all connections open. Notes: heap after GC, RSS, file descriptors and
 * threads before and after opening, per connection. Client and server ends both live in this
 * process, so a connection's memory and its two descriptors count both ends. The server's
 * connection limit is raised above the count and its idle times set to an hour so that nothing is
 * shed.
 */
final class ConnectionsBench {
  static final AtSign OWNER = AtSign.parse("@benchconnections");
  static final String REQUEST = "info:brief";

  /** File descriptors besides the connections: the JVM, jars, RocksDB, event loops. */
  private static final int SPARE_FILES = 512;

  private static final ShrinkingIdlePolicy NEVER_IDLE =
      new ShrinkingIdlePolicy(
          Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), 0.5);

  private ConnectionsBench() {}

  static List<BenchResult> run(
      BenchPki pki,
      BenchOptions options,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops)
      throws Exception {
    int count = options.openConnections();
    checkFileLimit(count + options.connections() + 1);
    AtServerConfig config =
        AtServerConfig.builder(
                OWNER, workDir.resolve("connections-storage"), pki.tlsFiles("connections"))
            .bindHost(BenchPki.HOST)
            .port(0)
            .maxConnections(count + options.connections() + 1)
            .idlePolicy(NEVER_IDLE)
            .build();
    try (StoreEnvironment stores = new StoreEnvironment();
        AtServer server =
            AtServer.start(
                new AtServerEnvironment(serverLoops, stores, Clock.systemUTC()), config)) {
      ClientTlsContext tls = ClientTlsContext.create(pki.caFile(), null);
      OpenConnections connections = new OpenConnections(clientLoops, tls, server.port());
      try {
        CpuMeter serverCpu = CpuMeter.workerThreads(serverLoops);
        connections.open(Math.min(count, OpenConnections.IN_FLIGHT), serverCpu); // warm-up
        connections.closeAll();
        ProcessResources before = ProcessResources.take();
        BenchResult opened = connections.open(count, serverCpu);
        ProcessResources after = ProcessResources.take();
        BenchResult requests = drive(options, clientLoops, tls, server, count, serverCpu);
        int stillOpen = connections.stillOpen();
        if (stillOpen != count) {
          throw new IllegalStateException(
              (count - stillOpen) + " of " + count + " idle connections closed during the run");
        }
        List<String> notes = new ArrayList<>();
        notes.add("before: " + before.line());
        notes.add("after:  " + after.line());
        notes.add(after.costLine(before, count, "connection") + " (client and server ends)");
        connections.closeAll();
        notes.add(stillAnswers(clientLoops, tls, server));
        return List.of(
            opened.with(String.format(Locale.ROOT, "atpj open %d connections", count), notes),
            requests);
      } finally {
        connections.closeAll();
      }
    }
  }

  /** Drives the measuring connections while the others stay open. */
  private static BenchResult drive(
      BenchOptions options,
      EventLoops loops,
      ClientTlsContext tls,
      AtServer server,
      int open,
      CpuMeter serverCpu)
      throws InterruptedException {
    List<LineBenchClient> clients = new ArrayList<>();
    try {
      for (int c = 0; c < options.connections(); c++) {
        clients.add(
            LineBenchClient.connect(
                loops,
                tls,
                BenchPki.HOST,
                server.port(),
                ReplyParser::stripPrompt,
                seq -> REQUEST,
                answer -> answer.startsWith("data:")));
      }
      return ClosedLoopDriver.run(
          String.format(Locale.ROOT, "atpj %s, %d open", REQUEST, open),
          clients,
          options,
          serverCpu);
    } finally {
      clients.forEach(LineBenchClient::close);
    }
  }

  /** One new connection and request after every other connection has closed. */
  private static String stillAnswers(EventLoops loops, ClientTlsContext tls, AtServer server)
      throws InterruptedException {
    long deadline = System.nanoTime() + LineBenchClient.TIMEOUT.toNanos();
    while (server.activeConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    int left = server.activeConnections();
    try (LineClient client =
        LineClient.connect(
                loops,
                tls,
                BenchPki.HOST,
                server.port(),
                LineBenchClient.TIMEOUT,
                ReplyParser::stripPrompt)
            .join()) {
      String answer = client.request(REQUEST, LineBenchClient.TIMEOUT).join();
      if (!answer.startsWith("data:")) {
        throw new IllegalStateException("after closing, the atServer answered " + answer);
      }
      return "after closing all: server connections left " + left + ", " + REQUEST + " answered";
    }
  }

  /**
   * Fails in one line when the file-descriptor limit is too low: both ends of each connection are
   * in this process.
   */
  static void checkFileLimit(int connections) throws BenchUnavailableException {
    long limit = ProcessResources.maxOpenFiles();
    long needed = 2L * connections + SPARE_FILES;
    if (limit >= 0 && limit < needed) {
      throw new BenchUnavailableException(
          String.format(
              Locale.ROOT,
              "%d open connections need about %d file descriptors (both ends run in this process)"
                  + " but ulimit -n is %d; raise it (ulimit -n 65536) or lower --open-connections",
              connections,
              needed,
              limit));
    }
  }
}
