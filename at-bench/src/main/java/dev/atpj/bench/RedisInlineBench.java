package dev.atpj.bench;

import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Redis GET over TLS driven by the very client the atpj targets use ({@link LineBenchClient}:
 * Netty, the same TLS provider, event loops and driver), with Redis inline commands ({@code GET
 * key}, answered {@code $<length>} then the value): the difference to the atpj rows is the
 * server's.
 */
final class RedisInlineBench {
  private static final int WRITE_WINDOW = 256;

  private RedisInlineBench() {}

  static BenchResult run(
      BenchPki pki, BenchOptions options, Path workDir, EventLoops clientLoops, String redisServer)
      throws Exception {
    try (RedisServerProcess redis =
        RedisServerProcess.start(redisServer, pki.credentials("redis"), workDir)) {
      ClientTlsContext tls = ClientTlsContext.create(pki.caFile(), null);
      List<LineBenchClient> clients = new ArrayList<>();
      try {
        for (int c = 0; c < options.connections(); c++) {
          clients.add(
              LineBenchClient.connect(
                  clientLoops,
                  tls,
                  BenchPki.HOST,
                  redis.port(),
                  RedisInlineBench::bulkValue,
                  seq -> "GET bench" + (seq % options.keys()),
                  answer -> !answer.startsWith("-") && !answer.equals(NIL)));
        }
        load(clients.get(0), options.keys());
        return ClosedLoopDriver.run("redis GET (TLS, same client)", clients, options, redis.cpu());
      } finally {
        clients.forEach(LineBenchClient::close);
      }
    }
  }

  static final String NIL = "(nil)";

  /**
   * Turns RESP lines into answers: a bulk string's {@code $<length>} header is not an answer (the
   * value on the next line is), {@code $-1} is a missing key; other lines ({@code +OK}, {@code -ERR
   * …}) answer as they are.
   */
  static String bulkValue(String line) {
    if (line.equals("$-1")) {
      return NIL;
    }
    return line.startsWith("$") ? null : line;
  }

  private static void load(LineBenchClient client, int keys) {
    List<CompletableFuture<String>> window = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      window.add(
          client
              .connection()
              .request(
                  "SET bench" + i + " 10.0.0." + (i % 250 + 1) + ":6464", LineBenchClient.TIMEOUT));
      if (window.size() == WRITE_WINDOW || i == keys - 1) {
        for (CompletableFuture<String> reply : window) {
          String answer = reply.join();
          if (!answer.equals("+OK")) {
            throw new IllegalStateException("redis answered " + answer);
          }
        }
        window.clear();
      }
    }
  }
}
