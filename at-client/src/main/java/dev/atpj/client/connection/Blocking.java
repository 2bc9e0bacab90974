package dev.atpj.client.connection;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for futures with a bound, turning every failure into an {@link AtException}. */
public final class Blocking {
  private Blocking() {}

  /**
   * Waits for a future.
   *
   * @param <T> the value type
   * @param future the future
   * @param bound the longest wait
   * @param what what is awaited, for the timeout message
   * @return the value
   * @throws AtException the future's own {@code AtException}, {@link AtErrorCode#TIMEOUT} when the
   *     bound passes, or {@link AtErrorCode#CLIENT_EXCEPTION} for any other failure
   */
  public static <T> T await(CompletableFuture<T> future, Duration bound, String what) {
    try {
      return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new AtException(
          AtErrorCode.TIMEOUT, "no " + what + " within " + bound.toMillis() + " ms");
    } catch (ExecutionException | CompletionException e) {
      throw unwrap(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "interrupted while waiting for " + what);
    }
  }

  /**
   * The {@link AtException} behind a failure.
   *
   * @param failure a failure, possibly wrapped
   * @return the failure itself when it is an {@code AtException}, else a client exception
   */
  public static AtException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException || cause instanceof ExecutionException) {
      if (cause.getCause() == null) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof AtException at) {
      return at;
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new AtException(AtErrorCode.CLIENT_EXCEPTION, message, cause);
  }
}
