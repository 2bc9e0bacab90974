package dev.atpj.server.data;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs asynchronous read-modify-write tasks one at a time per key, without blocking a thread: a
 * task starts only once the previous task of the same key has completed, so two connections
 * updating one key cannot both read the same version. Tasks of different keys run independently.
 * Holds one entry per key with a task in flight, nothing more.
 */
public final class KeySequencer {
  private final ConcurrentMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

  /**
   * Runs a task after the key's earlier tasks.
   *
   * @param key the key
   * @param executor where the task starts when it has to wait (e.g. the connection's event loop)
   * @param task starts the work; may throw
   * @param <T> the result type
   * @return the task's result
   */
  public <T> CompletableFuture<T> run(
      String key, Executor executor, Supplier<? extends CompletableFuture<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<?> previous = tails.put(key, result);
    Runnable start = () -> start(task, result);
    if (previous == null || previous.isDone()) {
      start.run();
    } else {
      previous.whenCompleteAsync((r, e) -> start.run(), executor);
    }
    result.whenComplete((r, e) -> tails.remove(key, result));
    return result;
  }

  /** How many keys have a task in flight. */
  public int inFlight() {
    return tails.size();
  }

  private static <T> void start(
      Supplier<? extends CompletableFuture<T>> task, CompletableFuture<T> result) {
    CompletableFuture<T> work;
    try {
      work = task.get();
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
      return;
    }
    work.whenComplete(
        (r, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(r);
          }
        });
  }
}
