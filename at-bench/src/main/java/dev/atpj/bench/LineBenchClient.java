package dev.atpj.bench;

import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A benchmark client speaking a line protocol over one TLS connection (the atProtocol, or Redis
 * inline commands): Netty, the same TLS provider and event loops for every target that uses it. An
 * answer the target's check refuses counts as an error.
 */
final class LineBenchClient implements BenchClient {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final LineClient client;
  private final LongFunction<String> request;
  private final Predicate<String> expected;

  /** A client on a connection that is already open (and perhaps authenticated). */
  LineBenchClient(LineClient client, LongFunction<String> request, Predicate<String> expected) {
    this.client = client;
    this.request = request;
    this.expected = expected;
  }

  static LineBenchClient connect(
      EventLoops loops,
      ClientTlsContext tls,
      String host,
      int port,
      UnaryOperator<String> stripper,
      LongFunction<String> request) {
    return connect(loops, tls, host, port, stripper, request, answer -> true);
  }

  static LineBenchClient connect(
      EventLoops loops,
      ClientTlsContext tls,
      String host,
      int port,
      UnaryOperator<String> stripper,
      LongFunction<String> request,
      Predicate<String> expected) {
    return new LineBenchClient(
        LineClient.connect(loops, tls, host, port, TIMEOUT, stripper).join(), request, expected);
  }

  LineClient connection() {
    return client;
  }

  @Override
  public CompletableFuture<?> call(long sequence) {
    return client
        .request(request.apply(sequence), TIMEOUT)
        .thenApply(
            answer -> {
              if (!expected.test(answer)) {
                throw new IllegalStateException("unexpected answer: " + answer);
              }
              return answer;
            });
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
