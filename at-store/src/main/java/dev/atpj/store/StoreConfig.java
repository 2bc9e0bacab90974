package dev.atpj.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one store.
 *
 * @param syncPolicy when the write-ahead log is synced
 * @param syncInterval for {@link SyncPolicy#PERIODIC}: the longest time between syncs
 * @param writeBufferBytes memtable size of each column family (RocksDB)
 * @param maxOpenFiles the most table files kept open (RocksDB)
 * @param maxBackgroundJobs flush and compaction jobs of this store (RocksDB)
 * @param maxBatchOps the most operations in one group commit
 * @param pageScanLimit the most commit-log entries one {@link CommitLog#page} call examines
 */
public record StoreConfig(
    SyncPolicy syncPolicy,
    Duration syncInterval,
    long writeBufferBytes,
    int maxOpenFiles,
    int maxBackgroundJobs,
    int maxBatchOps,
    int pageScanLimit) {

  /** Default {@link #syncPolicy()}. */
  public static final SyncPolicy DEFAULT_SYNC_POLICY = SyncPolicy.SYNC_EVERY_COMMIT;

  /** Default {@link #syncInterval()}. */
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMillis(100);

  /** Default {@link #writeBufferBytes()}: 2 MiB, small because a JVM holds many stores. */
  public static final long DEFAULT_WRITE_BUFFER_BYTES = 2L << 20;

  /** Default {@link #maxOpenFiles()}. */
  public static final int DEFAULT_MAX_OPEN_FILES = 64;

  /** Default {@link #maxBackgroundJobs()}. */
  public static final int DEFAULT_MAX_BACKGROUND_JOBS = 2;

  /** Default {@link #maxBatchOps()}. */
  public static final int DEFAULT_MAX_BATCH_OPS = 1024;

  /** Default {@link #pageScanLimit()}. */
  public static final int DEFAULT_PAGE_SCAN_LIMIT = 20_000;

  /** The defaults. */
  public static final StoreConfig DEFAULT =
      new StoreConfig(
          DEFAULT_SYNC_POLICY,
          DEFAULT_SYNC_INTERVAL,
          DEFAULT_WRITE_BUFFER_BYTES,
          DEFAULT_MAX_OPEN_FILES,
          DEFAULT_MAX_BACKGROUND_JOBS,
          DEFAULT_MAX_BATCH_OPS,
          DEFAULT_PAGE_SCAN_LIMIT);

  /** Validates the settings. */
  public StoreConfig {
    Objects.requireNonNull(syncPolicy, "syncPolicy");
    Objects.requireNonNull(syncInterval, "syncInterval");
    if (syncInterval.isNegative()) {
      throw new IllegalArgumentException("syncInterval < 0");
    }
    if (writeBufferBytes < 64 * 1024) {
      throw new IllegalArgumentException("writeBufferBytes < 64 KiB");
    }
    if (maxOpenFiles < 16 && maxOpenFiles != -1) {
      throw new IllegalArgumentException("maxOpenFiles must be >= 16 or -1");
    }
    if (maxBackgroundJobs < 1 || maxBatchOps < 1 || pageScanLimit < 1) {
      throw new IllegalArgumentException(
          "maxBackgroundJobs, maxBatchOps, pageScanLimit must be > 0");
    }
  }

  /** A copy with another sync policy. */
  public StoreConfig withSyncPolicy(SyncPolicy policy) {
    return new StoreConfig(
        policy,
        syncInterval,
        writeBufferBytes,
        maxOpenFiles,
        maxBackgroundJobs,
        maxBatchOps,
        pageScanLimit);
  }

  /** A copy with another page-scan limit. */
  public StoreConfig withPageScanLimit(int limit) {
    return new StoreConfig(
        syncPolicy,
        syncInterval,
        writeBufferBytes,
        maxOpenFiles,
        maxBackgroundJobs,
        maxBatchOps,
        limit);
  }
}
