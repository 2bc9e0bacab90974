package dev.atpj.bench;

import java.util.concurrent.CompletableFuture;

/** One connection the load driver keeps busy. */
public interface BenchClient extends AutoCloseable {
  /**
   * Sends one request.
   *
   * @param sequence a running number, e.g. to pick a key
   * @return completes with the answer
   */
  CompletableFuture<?> call(long sequence);

  @Override
  void close();
}
