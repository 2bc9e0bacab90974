package dev.atpj.bench;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Owner reads: an in-process atServer (RocksDB storage, default settings) holding {@code keys} self
 * keys written by its owner over the wire; every connection authenticates as the owner with CRAM
 * and sends {@code llookup:<key>}, the path an app's own reads take.
 */
final class OwnerReadBench {
  static final AtSign OWNER = AtSign.parse("@benchowner");
  private static final String SECRET = "bench-cram-secret";
  private static final int WRITE_WINDOW = 256;

  private OwnerReadBench() {}

  static BenchResult run(
      BenchPki pki,
      BenchOptions options,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops)
      throws Exception {
    AtServerConfig config =
        AtServerConfig.builder(OWNER, workDir.resolve("owner-read-storage"), pki.tlsFiles("owner"))
            .bindHost(BenchPki.HOST)
            .port(0)
            .cramSecret(SECRET)
            .build();
    try (StoreEnvironment stores = new StoreEnvironment();
        AtServer server =
            AtServer.start(
                new AtServerEnvironment(serverLoops, stores, Clock.systemUTC()), config)) {
      ClientTlsContext clientTls = ClientTlsContext.create(pki.caFile(), null);
      List<LineBenchClient> clients = new ArrayList<>();
      try {
        for (int c = 0; c < options.connections(); c++) {
          LineBenchClient client =
              LineBenchClient.connect(
                  clientLoops,
                  clientTls,
                  BenchPki.HOST,
                  server.port(),
                  ReplyParser::stripPrompt,
                  seq -> "llookup:" + key(seq % options.keys()),
                  answer -> answer.startsWith("data:"));
          clients.add(client);
          authenticate(client.connection());
        }
        write(clients.get(0).connection(), options.keys());
        return ClosedLoopDriver.run(
            "atpj owner read (llookup)", clients, options, CpuMeter.workerThreads(serverLoops));
      } finally {
        clients.forEach(LineBenchClient::close);
      }
    }
  }

  static String key(long index) {
    return "bench" + index + ".bench" + OWNER;
  }

  static void authenticate(LineClient connection) {
    authenticate(connection, OWNER, SECRET);
  }

  /** CRAM authentication as {@code owner} with {@code secret}. */
  static void authenticate(LineClient connection, AtSign owner, String secret) {
    String challenge = expectData(connection.request("from:" + owner, LineBenchClient.TIMEOUT));
    String answer =
        expectData(
            connection.request(
                "cram:" + AtCrypto.cramDigest(secret, challenge), LineBenchClient.TIMEOUT));
    if (!answer.equals("success")) {
      throw new IllegalStateException("cram answered " + answer);
    }
  }

  /** Writes every key as the owner, {@value #WRITE_WINDOW} updates in flight. */
  private static void write(LineClient owner, int keys) {
    List<CompletableFuture<String>> window = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      window.add(
          owner.request(
              "update:" + key(i) + " 10.0.0." + (i % 250 + 1) + ":6464", LineBenchClient.TIMEOUT));
      if (window.size() == WRITE_WINDOW || i == keys - 1) {
        window.forEach(OwnerReadBench::expectData);
        window.clear();
      }
    }
  }

  static String expectData(CompletableFuture<String> reply) {
    String line = reply.join();
    if (!line.startsWith("data:")) {
      throw new IllegalStateException("the atServer answered " + line);
    }
    return line.substring("data:".length());
  }
}
