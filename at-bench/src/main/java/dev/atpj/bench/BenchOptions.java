package dev.atpj.bench;

import java.time.Duration;

/**
 * How hard and how long to drive a target.
 *
 * @param connections concurrent connections that send requests
 * @param depth requests kept in flight per connection (1: request-response)
 * @param warmup time driven before measuring
 * @param duration time measured
 * @param keys distinct keys (or names) requests cycle through
 * @param openConnections connections the {@code connections} target opens and keeps open
 * @param atSigns atServers the {@code atsigns} target hosts in this process
 */
public record BenchOptions(
    int connections,
    int depth,
    Duration warmup,
    Duration duration,
    int keys,
    int openConnections,
    int atSigns) {
  /** Default {@link #openConnections()}: the design target of one atServer. */
  public static final int DEFAULT_OPEN_CONNECTIONS = 10_000;

  /** Default {@link #atSigns()}. */
  public static final int DEFAULT_ATSIGNS = 1_000;

  /** Validates the settings. */
  public BenchOptions {
    if (connections < 1 || depth < 1 || keys < 1 || openConnections < 1 || atSigns < 1) {
      throw new IllegalArgumentException(
          "connections, depth, keys, open connections and atSigns must be positive");
    }
    if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("duration must be positive and warmup not negative");
    }
  }

  /**
   * Settings with the default scale ({@value #DEFAULT_OPEN_CONNECTIONS} open connections, {@value
   * #DEFAULT_ATSIGNS} atSigns).
   *
   * @param connections concurrent connections that send requests
   * @param depth requests kept in flight per connection
   * @param warmup time driven before measuring
   * @param duration time measured
   * @param keys distinct keys requests cycle through
   */
  public BenchOptions(int connections, int depth, Duration warmup, Duration duration, int keys) {
    this(connections, depth, warmup, duration, keys, DEFAULT_OPEN_CONNECTIONS, DEFAULT_ATSIGNS);
  }
}
