package dev.atpj.server.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides which repeated warnings about one subject (a peer atSign) are logged: the first, then at
 * most one per interval, which reports how many were held back meanwhile; the others belong at
 * debug level. Remembers at most a fixed number of subjects, the least recently warned forgotten
 * first. Thread-safe.
 */
public final class WarningThrottle {
  /** Default interval between warnings about one subject. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  /** Default number of subjects remembered. */
  public static final int DEFAULT_MAX_SUBJECTS = 1024;

  private static final class Seen {
    long lastNanos;
    long suppressed;
  }

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<Object, Seen> subjects;

  /**
   * A throttle.
   *
   * @param interval the shortest time between two warnings about one subject
   * @param maxSubjects how many subjects are remembered at most
   * @param nanoTime a monotonic clock in nanoseconds
   */
  public WarningThrottle(Duration interval, int maxSubjects, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.subjects =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Seen> eldest) {
            return size() > maxSubjects;
          }
        };
  }

  /**
   * Whether a warning about a subject is logged now.
   *
   * @param subject what the warning is about, e.g. a peer atSign
   * @return -1 when it is held back (log it at debug level), else how many were held back since the
   *     last one logged
   */
  public synchronized long admit(Object subject) {
    long now = nanoTime.getAsLong();
    Seen seen = subjects.get(subject);
    if (seen == null) {
      seen = new Seen();
      seen.lastNanos = now;
      subjects.put(subject, seen);
      return 0;
    }
    if (now - seen.lastNanos < intervalNanos) {
      seen.suppressed++;
      return -1;
    }
    long held = seen.suppressed;
    seen.suppressed = 0;
    seen.lastNanos = now;
    return held;
  }
}
