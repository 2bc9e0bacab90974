package dev.atpj.bench;

import java.time.Duration;

/**
 * How hard and how long to drive a target.
 *
 * @param connections concurrent connections
 * @param depth requests kept in flight per connection (1: request-response)
 * @param warmup time driven before measuring
 * @param duration time measured
 * @param keys distinct keys (or names) requests cycle through
 */
public record BenchOptions(
    int connections, int depth, Duration warmup, Duration duration, int keys) {
  /** Validates the settings. */
  public BenchOptions {
    if (connections < 1 || depth < 1 || keys < 1) {
      throw new IllegalArgumentException("connections, depth and keys must be positive");
    }
    if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("duration must be positive and warmup not negative");
    }
  }
}
