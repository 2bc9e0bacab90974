package dev.atpj.server.notify;

import dev.atpj.protocol.AtSign;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The notifications on their way to one atSign, in the order they were queued.
 *
 * <p>While the recipient answers, notifications are sent as soon as they are queued, pipelined (up
 * to {@link NotificationConfig#maxInFlightPerRecipient()}) on the pooled connection, which keeps
 * their order. When a delivery fails for a reason that may pass (unreachable, timeout, handshake),
 * the notification goes back in its place and sending pauses for a backoff that doubles from {@link
 * NotificationConfig#retryMinDelay()} to {@link NotificationConfig#retryMaxDelay()}, with jitter;
 * then the oldest is tried alone, and the rest follow once it is through. Notifications that expire
 * while waiting are dropped. Under {@code strategy:latest}, a new notification supersedes the
 * oldest waiting ones of the same notifier beyond its latestN.
 */
final class RecipientQueue {
  private final AtSign recipient;
  private final Outbox outbox;
  private final PriorityQueue<Outbox.Entry> waiting =
      new PriorityQueue<>(Comparator.comparingLong(e -> e.sequence));
  private int inFlight;
  private boolean backingOff;
  private boolean probing;
  private long delayMillis;
  private ScheduledFuture<?> retry;
  private boolean closed;

  RecipientQueue(AtSign recipient, Outbox outbox) {
    this.recipient = recipient;
    this.outbox = outbox;
  }

  /** Queues a notification and sends what may be sent now. */
  void add(Outbox.Entry entry) {
    List<Outbox.Entry> send;
    List<Outbox.Entry> superseded = new ArrayList<>();
    synchronized (this) {
      waiting.add(entry);
      supersede(entry.notification, superseded);
      send = takeSendable();
    }
    superseded.forEach(e -> outbox.finish(e, NotificationStatus.EXPIRED, null));
    send(send);
  }

  synchronized void close() {
    closed = true;
    if (retry != null) {
      retry.cancel(false);
    }
  }

  /**
   * Under {@code strategy:latest}, keeps the newest latestN waiting notifications of the notifier
   * of {@code changed}, dropping older ones; holds the lock. Runs when one is queued and when one
   * comes back after a failed attempt.
   */
  private void supersede(Notification changed, List<Outbox.Entry> superseded) {
    if (!changed.isLatestOnly()) {
      return;
    }
    List<Outbox.Entry> same = new ArrayList<>();
    for (Outbox.Entry e : waiting) {
      Notification n = e.notification;
      if (!e.cancelled && n.isLatestOnly() && n.notifier().equals(changed.notifier())) {
        same.add(e);
      }
    }
    same.sort(Comparator.comparingLong(e -> e.sequence));
    int keep = same.isEmpty() ? 0 : same.get(same.size() - 1).notification.latestN();
    int excess = same.size() - keep;
    for (int i = 0; i < excess; i++) {
      waiting.remove(same.get(i));
      superseded.add(same.get(i));
    }
  }

  /** Takes what may be sent now; holds the lock. */
  private List<Outbox.Entry> takeSendable() {
    List<Outbox.Entry> send = new ArrayList<>();
    if (closed || backingOff) {
      return send;
    }
    Instant now = outbox.clock().instant();
    int window = probing ? 1 : outbox.config().maxInFlightPerRecipient();
    while (inFlight < window && !waiting.isEmpty()) {
      Outbox.Entry e = waiting.poll();
      if (e.cancelled) {
        continue;
      }
      if (e.notification.isExpiredAt(now)) {
        outbox.expired(e);
        continue;
      }
      inFlight++;
      e.notification = e.notification.withAttempts(e.notification.attempts() + 1);
      send.add(e);
    }
    return send;
  }

  private void send(List<Outbox.Entry> entries) {
    for (Outbox.Entry e : entries) {
      CompletableFuture<String> answer = outbox.send(e);
      if (answer.isDone()) { // failed at once: continue on the scheduler, not down this stack
        try {
          outbox
              .scheduler()
              .execute(() -> answer.whenComplete((payload, failure) -> done(e, payload, failure)));
        } catch (RejectedExecutionException stopping) {
          return;
        }
      } else {
        answer.whenComplete((payload, failure) -> done(e, payload, failure));
      }
    }
  }

  private void done(Outbox.Entry e, String payload, Throwable failure) {
    if (outbox.isClosed()) {
      return;
    }
    boolean delivered = failure == null && "success".equals(payload);
    boolean permanent = failure != null && Outbox.isPermanent(failure);
    int maxAttempts = outbox.config().maxAttempts();
    boolean exhausted = maxAttempts > 0 && e.notification.attempts() >= maxAttempts;
    List<Outbox.Entry> send;
    List<Outbox.Entry> superseded = new ArrayList<>();
    synchronized (this) {
      inFlight--;
      if (delivered) {
        probing = false;
        delayMillis = 0;
      } else if (!permanent && !exhausted) {
        waiting.add(e);
        supersede(e.notification, superseded);
        if (!backingOff) {
          scheduleRetry();
        }
      }
      send = takeSendable();
    }
    superseded.forEach(s -> outbox.finish(s, NotificationStatus.EXPIRED, null));
    if (delivered) {
      outbox.finish(e, NotificationStatus.DELIVERED, null);
    } else if (permanent || exhausted) {
      outbox.finish(
          e,
          NotificationStatus.ERRORED,
          failure != null ? failure : new IllegalStateException("answered " + payload));
    }
    send(send);
  }

  /** Pauses sending for the next backoff; holds the lock. */
  private void scheduleRetry() {
    if (closed) {
      return;
    }
    NotificationConfig config = outbox.config();
    long min = config.retryMinDelay().toMillis();
    long max = config.retryMaxDelay().toMillis();
    delayMillis = delayMillis == 0 ? min : Math.min(max, delayMillis * 2);
    double jitter = config.retryJitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    long delay = Math.max(1, Math.round(delayMillis * (1 + jitter)));
    backingOff = true;
    try {
      retry = outbox.scheduler().schedule(this::retryNow, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      closed = true;
    }
  }

  private void retryNow() {
    List<Outbox.Entry> send;
    synchronized (this) {
      backingOff = false;
      probing = true;
      dropExpired();
      send = takeSendable();
    }
    send(send);
  }

  /** Drops waiting notifications that expired; holds the lock. */
  private void dropExpired() {
    Instant now = outbox.clock().instant();
    for (Iterator<Outbox.Entry> it = waiting.iterator(); it.hasNext(); ) {
      Outbox.Entry e = it.next();
      if (e.cancelled || e.notification.isExpiredAt(now)) {
        it.remove();
        if (!e.cancelled) {
          outbox.expired(e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "queue to " + recipient;
  }
}
