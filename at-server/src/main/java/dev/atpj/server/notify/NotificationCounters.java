package dev.atpj.server.notify;

import dev.atpj.server.metrics.ServerMetrics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of what the notification service did since start, for metrics and stats (the {@code ops}
 * facade's notification hooks). Thread-safe.
 */
public final class NotificationCounters {
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong errored = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong pushed = new AtomicLong();

  private final ServerMetrics metrics;

  /**
   * Counters that also feed the server's metrics.
   *
   * @param metrics queued, delivered and failed (errored or expired) notifications go there; null
   *     for none
   */
  NotificationCounters(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  void queued() {
    queued.incrementAndGet();
    if (metrics != null) {
      metrics.notificationQueued();
    }
  }

  void delivered() {
    delivered.incrementAndGet();
    if (metrics != null) {
      metrics.notificationDelivered();
    }
  }

  void errored() {
    errored.incrementAndGet();
    if (metrics != null) {
      metrics.notificationFailed();
    }
  }

  void expired() {
    expired.incrementAndGet();
    if (metrics != null) {
      metrics.notificationFailed();
    }
  }

  void attempt() {
    attempts.incrementAndGet();
  }

  void received() {
    received.incrementAndGet();
  }

  void duplicate() {
    duplicates.incrementAndGet();
  }

  void pushed() {
    pushed.incrementAndGet();
  }

  /** Notifications queued for another atSign. */
  public long queuedCount() {
    return queued.get();
  }

  /** Notifications another atServer confirmed. */
  public long deliveredCount() {
    return delivered.get();
  }

  /** Notifications given up (recipient unknown or refusing, attempts used up). */
  public long erroredCount() {
    return errored.get();
  }

  /** Notifications that expired before delivery, or were superseded (strategy latest). */
  public long expiredCount() {
    return expired.get();
  }

  /** Delivery attempts, retries included. */
  public long attemptCount() {
    return attempts.get();
  }

  /** Notifications received from other atServers and to oneself, duplicates excluded. */
  public long receivedCount() {
    return received.get();
  }

  /** Deliveries of a notification already received, answered without a second push. */
  public long duplicateCount() {
    return duplicates.get();
  }

  /** Received notifications handed to the monitors. */
  public long pushedCount() {
    return pushed.get();
  }
}
