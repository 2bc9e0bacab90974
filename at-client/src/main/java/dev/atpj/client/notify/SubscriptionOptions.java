package dev.atpj.client.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link Subscription} receives and how it keeps its monitor connection alive.
 *
 * @param regex only notifications whose key, or sender without {@code @}, contains a match ({@code
 *     monitor}'s filter, applied by the atServer and again by the client); null for all
 * @param since replay stored notifications newer than this (epoch milliseconds, 0 for all that are
 *     stored) before live ones; null for live ones only
 * @param includeStats whether stats notifications (id {@code -1}, the latest commit id) are
 *     delivered
 * @param selfNotifications whether {@code monitor} asks for {@code selfNotifications}:
 *     notifications of the reference's type {@code self} (enrollment requests). Notifications the
 *     atSign sends to itself are received ones and are always delivered (docs/protocol.md B11)
 * @param heartbeat how often {@code noop:0} checks the connection; a missing {@code data:ok} drops
 *     and reopens it
 * @param replayOverlap when reconnecting, replay from this long before the last notification seen
 *     (duplicates are dropped by id), so that notifications stored in the same millisecond, or
 *     delivered out of order, are not missed
 * @param maxReconnectDelay the longest pause between reconnection attempts (the pause starts at one
 *     second and doubles)
 * @param dedupCapacity how many recent notification ids are remembered to drop duplicates
 * @param executor where the listener runs; null for the subscription's own thread
 */
public record SubscriptionOptions(
    String regex,
    Long since,
    boolean includeStats,
    boolean selfNotifications,
    Duration heartbeat,
    Duration replayOverlap,
    Duration maxReconnectDelay,
    int dedupCapacity,
    Executor executor) {

  /** Default {@link #heartbeat()}: 30 seconds, as at_java. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

  /** Default {@link #replayOverlap()}: 5 seconds. */
  public static final Duration DEFAULT_REPLAY_OVERLAP = Duration.ofSeconds(5);

  /** Default {@link #maxReconnectDelay()}: 30 seconds. */
  public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

  /** Default {@link #dedupCapacity()}: 10000 ids. */
  public static final int DEFAULT_DEDUP_CAPACITY = 10_000;

  /** Validates. */
  public SubscriptionOptions {
    if (regex != null) {
      if (regex.isEmpty() || regex.chars().anyMatch(c -> c == '\n' || c == '\r')) {
        throw new IllegalArgumentException("the regex must be one non-empty line");
      }
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid regex: " + e.getDescription(), e);
      }
    }
    if (since != null && since < 0) {
      throw new IllegalArgumentException("since must not be negative");
    }
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(replayOverlap, "replayOverlap");
    Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
    if (heartbeat.isZero() || heartbeat.isNegative() || maxReconnectDelay.isNegative()) {
      throw new IllegalArgumentException("heartbeat must be positive, delays not negative");
    }
    if (replayOverlap.isNegative()) {
      throw new IllegalArgumentException("replayOverlap must not be negative");
    }
    if (dedupCapacity < 1) {
      throw new IllegalArgumentException("dedupCapacity must be at least 1");
    }
  }

  /** Every notification from now on, with the defaults. */
  public static SubscriptionOptions defaults() {
    return new SubscriptionOptions(
        null,
        null,
        false,
        false,
        DEFAULT_HEARTBEAT,
        DEFAULT_REPLAY_OVERLAP,
        DEFAULT_MAX_RECONNECT_DELAY,
        DEFAULT_DEDUP_CAPACITY,
        null);
  }

  /** A copy with a filter (null for none). */
  public SubscriptionOptions withRegex(String value) {
    return new SubscriptionOptions(
        value,
        since,
        includeStats,
        selfNotifications,
        heartbeat,
        replayOverlap,
        maxReconnectDelay,
        dedupCapacity,
        executor);
  }

  /** A copy replaying stored notifications newer than an epoch-millisecond time (null: none). */
  public SubscriptionOptions withSince(Long value) {
    return new SubscriptionOptions(
        regex,
        value,
        includeStats,
        selfNotifications,
        heartbeat,
        replayOverlap,
        maxReconnectDelay,
        dedupCapacity,
        executor);
  }

  /** A copy that delivers stats notifications or not. */
  public SubscriptionOptions withStats(boolean value) {
    return new SubscriptionOptions(
        regex,
        since,
        value,
        selfNotifications,
        heartbeat,
        replayOverlap,
        maxReconnectDelay,
        dedupCapacity,
        executor);
  }

  /** A copy that asks for {@code selfNotifications} or not. */
  public SubscriptionOptions withSelfNotifications(boolean value) {
    return new SubscriptionOptions(
        regex,
        since,
        includeStats,
        value,
        heartbeat,
        replayOverlap,
        maxReconnectDelay,
        dedupCapacity,
        executor);
  }

  /** A copy with another heartbeat interval and longest reconnection pause. */
  public SubscriptionOptions withTiming(Duration heartbeatEvery, Duration maxReconnectPause) {
    return new SubscriptionOptions(
        regex,
        since,
        includeStats,
        selfNotifications,
        heartbeatEvery,
        replayOverlap,
        maxReconnectPause,
        dedupCapacity,
        executor);
  }

  /** A copy whose listener runs on an executor of the caller's. */
  public SubscriptionOptions withExecutor(Executor value) {
    return new SubscriptionOptions(
        regex,
        since,
        includeStats,
        selfNotifications,
        heartbeat,
        replayOverlap,
        maxReconnectDelay,
        dedupCapacity,
        value);
  }
}
