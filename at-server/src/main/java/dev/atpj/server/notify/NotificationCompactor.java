package dev.atpj.server.notify;

import dev.atpj.server.runtime.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes notification records whose ttln has passed, sent, received or self, in the background. A
 * run reads at most ten batches' worth of records from where the last run stopped (records are in
 * time order, and most expire in that order) and removes up to a batch; a run that reached the end
 * starts the next one at the beginning. The records are the only copy, so a removed notification is
 * unknown afterwards ({@code notify:status} answers {@code data:null}).
 */
final class NotificationCompactor implements AutoCloseable {
  private final NotificationLog log;
  private final Clock clock;
  private final int batchSize;
  private final AtomicLong removed = new AtomicLong();
  private final PeriodicJob job;
  private Instant resumeFrom = Instant.EPOCH;

  NotificationCompactor(
      NotificationLog log,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration interval,
      int batchSize) {
    this.log = log;
    this.clock = clock;
    this.batchSize = batchSize;
    this.job =
        new PeriodicJob(
            "notification.compaction",
            () -> runOnce().thenApply(count -> count >= batchSize),
            scheduler,
            interval);
  }

  void start() {
    job.start();
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
  public void close() {
    job.close();
  }
}
