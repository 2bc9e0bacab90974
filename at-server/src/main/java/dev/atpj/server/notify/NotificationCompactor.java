package dev.atpj.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes notification records whose ttln has passed, sent, received or self, in the background. A
 * run reads at most ten batches' worth of records from where the last run stopped (records are in
 * time order, and most expire in that order) and removes up to a batch; a run that reached the end
 * starts the next one at the beginning. The records are the only copy, so a removed notification is
 * unknown afterwards ({@code notify:status} answers {@code data:null}).
 */
final class NotificationCompactor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationCompactor.class);

  private final NotificationLog log;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final int batchSize;
  private final AtomicLong removed = new AtomicLong();
  private Instant resumeFrom = Instant.EPOCH;
  private ScheduledFuture<?> next;
  private boolean closed;

  NotificationCompactor(
      NotificationLog log,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration interval,
      int batchSize) {
    this.log = log;
    this.clock = clock;
    this.scheduler = scheduler;
    this.interval = interval;
    this.batchSize = batchSize;
  }

  void start() {
    schedule(interval);
  }

  /** Records removed since start. */
  long removedCount() {
    return removed.get();
  }

  /**
   * One run now (tests call it directly).
   *
   * @return completes with how many records were removed
   */
  synchronized CompletableFuture<Integer> runOnce() {
    Instant now = clock.instant();
    List<String> expired = new ArrayList<>();
    int[] seen = {0};
    Instant[] last = {null};
    log.forEachRecordSince(
        resumeFrom,
        r -> {
          last[0] = r.time();
          Notification n = NotificationLog.decode(r.id(), r.time(), r.data());
          if (n != null && n.isExpiredAt(now)) {
            expired.add(r.id());
          }
          return ++seen[0] < batchSize * 10 && expired.size() < batchSize;
        });
    boolean reachedEnd = seen[0] < batchSize * 10 && expired.size() < batchSize;
    resumeFrom = reachedEnd || last[0] == null ? Instant.EPOCH : last[0].plusMillis(1);
    List<CompletableFuture<Boolean>> removals = new ArrayList<>();
    for (String id : expired) {
      removals.add(log.removeRecord(id));
    }
    return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              removed.addAndGet(expired.size());
              return expired.size();
            });
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }

  private synchronized void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      next = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      closed = true;
    }
  }

  private void run() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    try {
      runOnce()
          .whenComplete(
              (count, failure) -> {
                if (failure != null) {
                  LOG.warn("notification compaction failed", failure);
                }
                schedule(count != null && count >= batchSize ? Duration.ZERO : interval);
              });
    } catch (RuntimeException e) {
      LOG.warn("notification compaction failed", e);
      schedule(interval);
    }
  }
}
