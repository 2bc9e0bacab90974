package dev.atpj.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling, with a bounded timeout, instead of sleeping a fixed time. Polls
 * start at {@link #FIRST_POLL_INTERVAL} and back off to {@link #MAX_POLL_INTERVAL}.
 */
public final class Await {
  /** Timeout when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** First pause between polls. */
  public static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(1);

  /** Longest pause between polls. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(50);

  private Await() {}

  /**
   * Waits until a condition holds, at most {@link #DEFAULT_TIMEOUT}.
   *
   * @param condition polled until it returns true; exceptions it throws propagate
   * @param description what is awaited, for the failure message
   * @throws AssertionError when the timeout passes first
   */
  public static void until(BooleanSupplier condition, String description) {
    until(condition, DEFAULT_TIMEOUT, description);
  }

  /**
   * Waits until a condition holds.
   *
   * @param condition polled until it returns true; exceptions it throws propagate
   * @param timeout the longest wait
   * @param description what is awaited, for the failure message
   * @throws AssertionError when the timeout passes first
   */
  public static void until(BooleanSupplier condition, Duration timeout, String description) {
    untilPresent(
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        timeout,
        description);
  }

  /**
   * Waits until a supplier returns a value.
   *
   * @param <T> the value type
   * @param supplier polled until it returns a present value
   * @param timeout the longest wait
   * @param description what is awaited, for the failure message
   * @return the first present value
   * @throws AssertionError when the timeout passes first
   */
  public static <T> T untilPresent(
      Supplier<Optional<T>> supplier, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_POLL_INTERVAL.toNanos();
    while (true) {
      Optional<T> value = supplier.get();
      if (value.isPresent()) {
        return value.get();
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + description);
      }
      try {
        Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(pause, remaining))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + description, e);
      }
      pause = Math.min(pause * 2, MAX_POLL_INTERVAL.toNanos());
    }
  }
}
