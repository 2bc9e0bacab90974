package dev.atpj.bench;

import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/** A benchmark client speaking an atProtocol line protocol over one TLS connection. */
final class LineBenchClient implements BenchClient {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final LineClient client;
  private final LongFunction<String> request;

  private LineBenchClient(LineClient client, LongFunction<String> request) {
    this.client = client;
    this.request = request;
  }

  static LineBenchClient connect(
      EventLoops loops,
      ClientTlsContext tls,
      String host,
      int port,
      UnaryOperator<String> stripper,
      LongFunction<String> request) {
    return new LineBenchClient(
        LineClient.connect(loops, tls, host, port, TIMEOUT, stripper).join(), request);
  }

  LineClient connection() {
    return client;
  }

  @Override
  public CompletableFuture<?> call(long sequence) {
    return client.request(request.apply(sequence), TIMEOUT);
  }

  @Override
  public void close() {
    client.close();
  }

  /** Removes the directory's bare prompt that starts every answer after the first. */
  static String stripDirectoryPrompt(String line) {
    int start = 0;
    while (start < line.length() && line.charAt(start) == '@') {
      start++;
    }
    return line.substring(start);
  }
}
