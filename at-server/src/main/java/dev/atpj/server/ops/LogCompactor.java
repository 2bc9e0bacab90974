package dev.atpj.server.ops;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.stats.CompactionStats;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitCompaction;
import dev.atpj.store.CommitLog;
import dev.atpj.store.RecordLog;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compaction run of one log (see {@link LogCompaction}), in bounded steps so that the store's
 * commit thread is never held long, recording its statistics for {@code stats:12}–{@code 14} (kept
 * as a server property, so they survive restarts) and the metrics. Blocks: run it on the ops
 * executor.
 */
public final class LogCompactor implements Runnable {
  /** The most records one storage step examines or removes. */
  public static final int STEP = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(LogCompactor.class);

  /** Which log. */
  public enum Kind {
    /** The commit log: only superseded entries go. */
    COMMIT_LOG("commitLog", "AtCommitLog"),
    /** The access log. */
    ACCESS_LOG("accessLog", "AtAccessLog"),
    /** The notification log. */
    NOTIFICATION_LOG("notificationLog", "AtNotificationKeystore");

    private final String logName;
    private final String referenceType;

    Kind(String logName, String referenceType) {
      this.logName = logName;
      this.referenceType = referenceType;
    }

    /** The name in metrics, logs and the statistics property. */
    public String logName() {
      return logName;
    }
  }

  private final AtSign me;
  private final AtStore store;
  private final Clock clock;
  private final ServerMetrics metrics;
  private final Kind kind;
  private final LogCompaction policy;

  /**
   * A compactor.
   *
   * @param me the atSign whose logs these are
   * @param store the atSign's storage, holding the logs
   * @param clock the clock
   * @param metrics where runs are counted
   * @param kind which log
   * @param policy how far to compact
   */
  public LogCompactor(
      AtSign me,
      AtStore store,
      Clock clock,
      ServerMetrics metrics,
      Kind kind,
      LogCompaction policy) {
    this.me = me;
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
    this.kind = kind;
    this.policy = policy;
  }

  /** Runs once and returns what it did. */
  public CompactionStats compact() {
    long started = System.nanoTime();
    Instant cutoff = clock.instant().minus(policy.maxAge());
    long before;
    long removed;
    if (kind == Kind.COMMIT_LOG) {
      CommitLog log = store.commitLog();
      before = log.approximateEntryCount();
      removed = compactCommitLog(log, before > policy.maxEntries() ? Instant.MAX : cutoff);
    } else {
      RecordLog log = kind == Kind.ACCESS_LOG ? store.accessLog() : store.notifications();
      before = log.approximateCount();
      removed = compactRecords(log, cutoff);
    }
    long after = Math.max(0, before - removed);
    CompactionStats stats =
        new CompactionStats(
            kind.referenceType,
            clock.instant(),
            (System.nanoTime() - started) / 1_000_000,
            before,
            after,
            removed);
    store.putServerProperty(CompactionStats.propertyName(kind.logName), stats.toJson()).join();
    metrics.compacted(kind.logName, removed);
    LOG.info(
        "event=compaction atSign={} log={} before={} removed={} durationMs={}",
        me,
        kind.logName,
        before,
        removed,
        stats.durationMillis());
    return stats;
  }

  @Override
  public void run() {
    compact();
  }

  private static long compactCommitLog(CommitLog log, Instant supersededBefore) {
    long removed = 0;
    long cursor = -1;
    while (true) {
      CommitCompaction step = log.compact(cursor, supersededBefore, STEP).join();
      removed += step.removed();
      if (step.done()) {
        return removed;
      }
      cursor = step.lastExaminedId();
    }
  }

  private long compactRecords(RecordLog log, Instant cutoff) {
    long removed = 0;
    int n;
    do {
      n = log.removeOlderThan(cutoff, STEP).join();
      removed += n;
    } while (n == STEP);
    long excess = log.approximateCount() - policy.maxEntries();
    while (excess > 0) {
      n = log.removeOldest((int) Math.min(STEP, excess)).join();
      if (n == 0) {
        break;
      }
      removed += n;
      excess -= n;
    }
    return removed;
  }
}
