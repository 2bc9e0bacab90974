package dev.atpj.store.rocksdb;

/**
 * Settings shared by all stores of a process.
 *
 * @param blockCacheBytes the shared LRU block cache (also charged with memtable memory)
 * @param writeBufferManagerBytes the most memtable memory of all stores together; above it the
 *     largest memtables are flushed
 * @param commitThreads threads that write group commits (each may block in fsync)
 * @param compactionThreads RocksDB low-priority (compaction) threads of the process, at least
 * @param flushThreads RocksDB high-priority (flush) threads of the process, at least
 */
public record StoreEnvironmentConfig(
    long blockCacheBytes,
    long writeBufferManagerBytes,
    int commitThreads,
    int compactionThreads,
    int flushThreads) {

  /** Default {@link #blockCacheBytes()}: 64 MiB. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;

  /** Default {@link #writeBufferManagerBytes()}: 64 MiB. */
  public static final long DEFAULT_WRITE_BUFFER_MANAGER_BYTES = 64L << 20;

  /** Default {@link #commitThreads()}. */
  public static final int DEFAULT_COMMIT_THREADS = 4;

  /** Default {@link #compactionThreads()}. */
  public static final int DEFAULT_COMPACTION_THREADS = 2;

  /** Default {@link #flushThreads()}. */
  public static final int DEFAULT_FLUSH_THREADS = 1;

  /** The defaults. */
  public static final StoreEnvironmentConfig DEFAULT =
      new StoreEnvironmentConfig(
          DEFAULT_BLOCK_CACHE_BYTES,
          DEFAULT_WRITE_BUFFER_MANAGER_BYTES,
          DEFAULT_COMMIT_THREADS,
          DEFAULT_COMPACTION_THREADS,
          DEFAULT_FLUSH_THREADS);

  /** Validates the settings. */
  public StoreEnvironmentConfig {
    if (blockCacheBytes < (1 << 20) || writeBufferManagerBytes < (1 << 20)) {
      throw new IllegalArgumentException("cache and write-buffer budgets must be >= 1 MiB");
    }
    if (commitThreads < 1 || compactionThreads < 1 || flushThreads < 1) {
      throw new IllegalArgumentException("thread counts must be > 0");
    }
  }
}
