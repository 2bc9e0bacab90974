package dev.atpj.server.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The reference server's idle scheme (docs/protocol.md B3): below the low-water mark (a fraction of
 * the connection limit) connections may idle for their full time; above it the allowed time shrinks
 * linearly, down to a floor when the server is full. Busy servers thereby shed silent connections
 * first.
 *
 * @param unauthenticatedIdle full idle time of unauthenticated connections
 * @param authenticatedIdle full idle time of authenticated connections
 * @param unauthenticatedFloor idle time of unauthenticated connections at the limit
 * @param authenticatedFloor idle time of authenticated connections at the limit
 * @param lowWaterFraction the fraction of the limit above which idle times shrink, in (0, 1)
 */
public record ShrinkingIdlePolicy(
    Duration unauthenticatedIdle,
    Duration authenticatedIdle,
    Duration unauthenticatedFloor,
    Duration authenticatedFloor,
    double lowWaterFraction)
    implements IdlePolicy {

  /** The reference's defaults: 10 min / 30 days, shrinking to 5 s / 60 s above half the limit. */
  public static final ShrinkingIdlePolicy REFERENCE_DEFAULTS =
      new ShrinkingIdlePolicy(
          Duration.ofMinutes(10),
          Duration.ofDays(30),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          0.5);

  /** Validates the durations and the fraction. */
  public ShrinkingIdlePolicy {
    Objects.requireNonNull(unauthenticatedIdle);
    Objects.requireNonNull(authenticatedIdle);
    Objects.requireNonNull(unauthenticatedFloor);
    Objects.requireNonNull(authenticatedFloor);
    if (!(lowWaterFraction > 0 && lowWaterFraction < 1)) {
      throw new IllegalArgumentException("lowWaterFraction must be in (0, 1)");
    }
  }

  @Override
  public Duration maxIdle(boolean authenticated, int activeConnections, int maxConnections) {
    Duration full = authenticated ? authenticatedIdle : unauthenticatedIdle;
    Duration floor = authenticated ? authenticatedFloor : unauthenticatedFloor;
    double lowWater = lowWaterFraction * maxConnections;
    if (maxConnections <= 0 || activeConnections <= lowWater || floor.compareTo(full) >= 0) {
      return full;
    }
    double load = Math.min(1.0, (activeConnections - lowWater) / (maxConnections - lowWater));
    long fullMillis = full.toMillis();
    long floorMillis = floor.toMillis();
    return Duration.ofMillis(fullMillis - Math.round((fullMillis - floorMillis) * load));
  }
}
