package dev.atpj.server.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how far one log is compacted.
 *
 * <p>For the commit log, only superseded entries (not the latest of their key) are ever removed:
 * those older than {@code maxAge}, or every superseded entry while the log holds more than {@code
 * maxEntries}. For the access and notification logs, records older than {@code maxAge} go, then the
 * oldest until at most {@code maxEntries} remain.
 *
 * @param interval pause between runs; {@link Duration#ZERO} turns compaction of this log off
 * @param maxAge how long records are kept
 * @param maxEntries how many records are kept at most
 */
public record LogCompaction(Duration interval, Duration maxAge, long maxEntries) {
  /** Validates. */
  public LogCompaction {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(maxAge, "maxAge");
    if (interval.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("interval must be >= 0 and maxAge > 0");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
  }

  /** Whether this log is compacted at all. */
  public boolean enabled() {
    return !interval.isZero();
  }
}
