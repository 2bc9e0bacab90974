package dev.atpj.server.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.LatencyLog;
import dev.atpj.server.ops.WarningThrottle;
import dev.atpj.server.peer.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers sent notifications to other atServers: one ordered {@link RecipientQueue} per recipient
 * atSign, started the moment a notification is queued (no polling), retried with backoff while the
 * recipient is unreachable, until the notification expires. The outcome is written back to the
 * notification's record (delivered or errored; expiry is read from the record's time). Thread-safe.
 */
final class Outbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private final WarningThrottle warnings;

  /** Sends one forwarded {@code notify} and reads the payload of the answer. */
  @FunctionalInterface
  interface Deliverer {
    /**
     * Delivers.
     *
     * @param to the recipient atSign
     * @param command the {@code notify:...} line
     * @param timeout bound on the answer
     * @return the payload after {@code data:} ({@code success}); fails with the connection's or the
     *     recipient's error
     */
    CompletableFuture<String> deliver(AtSign to, String command, Duration timeout);
  }

  /** A queued notification. */
  static final class Entry {
    final long sequence;
    final CompletableFuture<Void> persisted;
    Notification notification;
    volatile boolean cancelled;

    Entry(long sequence, Notification notification, CompletableFuture<Void> persisted) {
      this.sequence = sequence;
      this.notification = notification;
      this.persisted = persisted;
    }
  }

  private final NotificationLog log;
  private final Deliverer deliverer;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final NotificationConfig config;
  private final NotificationCounters counters;
  private final Map<AtSign, RecipientQueue> queues = new ConcurrentHashMap<>();
  private final Map<String, Entry> pending = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean closed;

  Outbox(
      NotificationLog log,
      Deliverer deliverer,
      ScheduledExecutorService scheduler,
      Clock clock,
      NotificationConfig config,
      NotificationCounters counters) {
    this.log = log;
    this.deliverer = deliverer;
    this.scheduler = scheduler;
    this.clock = clock;
    this.warnings =
        new WarningThrottle(
            WarningThrottle.DEFAULT_INTERVAL,
            WarningThrottle.DEFAULT_MAX_SUBJECTS,
            () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    this.config = config;
    this.counters = counters;
  }

  /**
   * Queues a sent notification; delivery starts at once, in parallel with its storage.
   *
   * @param n the notification, status queued
   * @param persisted completes when its record is durable; status updates are written after it
   */
  void enqueue(Notification n, CompletableFuture<Void> persisted) {
    if (closed) {
      return;
    }
    Entry entry = new Entry(sequence.incrementAndGet(), n, persisted);
    Entry replaced = pending.put(n.id(), entry);
    if (replaced != null) {
      replaced.cancelled = true; // the same id queued again: the newer copy goes
    }
    counters.queued();
    queues.computeIfAbsent(n.to(), to -> new RecipientQueue(to, this)).add(entry);
  }

  /** Stops delivering a notification (notify:remove); false when it is not queued. */
  boolean cancel(String id) {
    Entry entry = pending.remove(id);
    if (entry == null) {
      return false;
    }
    entry.cancelled = true;
    return true;
  }

  /** Notifications waiting or in flight now. */
  int pendingCount() {
    return pending.size();
  }

  @Override
  public void close() {
    closed = true;
    queues.values().forEach(RecipientQueue::close);
  }

  boolean isClosed() {
    return closed;
  }

  // ---- what the queues use ------------------------------------------------------------------

  NotificationConfig config() {
    return config;
  }

  Clock clock() {
    return clock;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  CompletableFuture<String> send(Entry entry) {
    counters.attempt();
    Notification n = entry.notification;
    try {
      long started = System.nanoTime();
      CompletableFuture<String> answer =
          deliverer.deliver(
              n.to(), ForwardCommand.render(n, clock.instant()), config.deliveryTimeout());
      if (LatencyLog.enabled()) {
        answer.whenComplete((a, f) -> LatencyLog.step("notify delivered", n.to(), started));
      }
      return answer;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Records the final status of a notification (delivered, errored or superseded). */
  void finish(Entry entry, NotificationStatus status, Throwable why) {
    pending.remove(entry.notification.id(), entry);
    switch (status) {
      case DELIVERED -> counters.delivered();
      case ERRORED -> counters.errored();
      default -> counters.expired();
    }
    if (why != null) {
      long held = warnings.admit(entry.notification.to());
      String text = "notification {} to {} is {}: {}";
      Object[] args = {
        entry.notification.id(), entry.notification.to(), status.wireName(), Failures.describe(why)
      };
      if (held < 0) {
        LOG.debug(text, args);
      } else {
        LOG.warn(held == 0 ? text : text + " (" + held + " more since the last warning)", args);
      }
    }
    if (closed || entry.cancelled) {
      return;
    }
    Notification done = entry.notification.withStatus(status);
    entry
        .persisted
        .thenCompose(stored -> log.put(done))
        .exceptionally(
            failure -> {
              if (!closed) {
                LOG.warn("recording status of notification {} failed", done.id(), failure);
              }
              return null;
            });
  }

  /** A notification that expired before delivery: its record already says so by its time. */
  void expired(Entry entry) {
    pending.remove(entry.notification.id(), entry);
    counters.expired();
  }

  /**
   * Whether a failed delivery will never succeed, so it is not retried: the recipient is unknown
   * (AT0007), blocks this atSign (AT0013), or refuses the notification itself (AT0009, AT0003,
   * AT0016, AT0022).
   */
  static boolean isPermanent(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof AtException at && at.code() == AtErrorCode.BLOCKED_CONNECTION) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (cause instanceof AtException at) {
      return switch (at.code()) {
        case SECONDARY_NOT_FOUND, UNAUTHORIZED, INVALID_SYNTAX, INVALID_KEY, ILLEGAL_ARGUMENTS ->
            true;
        default -> false;
      };
    }
    return false;
  }
}
