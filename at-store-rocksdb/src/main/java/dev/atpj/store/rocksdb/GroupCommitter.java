package dev.atpj.store.rocksdb;

import dev.atpj.store.StoreConfig;
import dev.atpj.store.SyncPolicy;
import dev.atpj.store.internal.StoreErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The write path of one store. Writers enqueue operations; one drain task at a time (on the shared
 * commit executor) takes up to {@code maxBatchOps} of them, builds one {@link WriteBatch} with the
 * commit ids in order, writes it (synced per policy) and then completes their futures. Under load
 * many writes share one fsync; at low load a write costs one fsync.
 */
final class GroupCommitter {
  /** One operation of a batch; it may only touch the database through the context. */
  interface BatchOp<T> {
    T apply(BatchContext ctx) throws RocksDBException;
  }

  private record Pending<T>(BatchOp<T> op, CompletableFuture<T> future) {
    @SuppressWarnings("unchecked")
    void complete(Object result) {
      future.complete((T) result);
    }
  }

  private final RocksDbResources res;
  private final StoreConfig config;
  private final Clock clock;
  private final Executor executor;
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile boolean closed;
  private volatile long lastCommitId;
  private long nextCommitId;
  private long lastSyncNanos = System.nanoTime();
  private volatile CommitStats stats = new CommitStats(0, 0, 0);

  GroupCommitter(
      RocksDbResources res, StoreConfig config, Clock clock, Executor executor, long lastCommitId) {
    this.res = res;
    this.config = config;
    this.clock = clock;
    this.executor = executor;
    this.lastCommitId = lastCommitId;
    this.nextCommitId = lastCommitId + 1;
  }

  /** The highest commit id written (durable per policy), or -1. */
  long lastCommitId() {
    return lastCommitId;
  }

  /** Counters since open. */
  CommitStats stats() {
    return stats;
  }

  /** Queues an operation; the future completes once it is written. */
  <T> CompletableFuture<T> submit(BatchOp<T> op) {
    if (closed) {
      return CompletableFuture.failedFuture(StoreErrors.closed());
    }
    Pending<T> p = new Pending<>(op, new CompletableFuture<>());
    queue.add(p);
    if (closed && queue.remove(p)) {
      p.future.completeExceptionally(StoreErrors.closed());
      return p.future;
    }
    schedule();
    return p.future;
  }

  private void schedule() {
    while (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drainTask);
        return;
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        failQueued();
        return;
      }
    }
  }

  private void drainTask() {
    Runnable completions = () -> {};
    writeLock.lock();
    try {
      if (!closed) {
        completions = drainOnce();
      }
    } finally {
      writeLock.unlock();
      scheduled.set(false);
    }
    schedule();
    completions.run();
  }

  /** Writes one batch; returns what completes its futures (run outside the lock). */
  private Runnable drainOnce() {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p; batch.size() < config.maxBatchOps() && (p = queue.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return () -> {};
    }
    Object[] results = new Object[batch.size()];
    try (WriteBatch wb = new WriteBatch()) {
      Instant now = Instant.ofEpochMilli(clock.millis());
      BatchContext ctx = new BatchContext(res.db, wb, now, nextCommitId);
      for (int i = 0; i < results.length; i++) {
        results[i] = batch.get(i).op.apply(ctx);
      }
      boolean sync = syncThisBatch();
      res.db.write(sync ? res.syncWrite : res.asyncWrite, wb);
      nextCommitId = ctx.nextCommitId();
      lastCommitId = nextCommitId - 1;
      CommitStats s = stats;
      stats =
          new CommitStats(
              s.batches() + 1, s.operations() + batch.size(), s.syncs() + (sync ? 1 : 0));
    } catch (RocksDBException | RuntimeException e) {
      RuntimeException failure = StoreErrors.dataStore("write failed", e);
      return () -> batch.forEach(p -> p.future.completeExceptionally(failure));
    }
    return () -> {
      for (int i = 0; i < results.length; i++) {
        batch.get(i).complete(results[i]);
      }
    };
  }

  private boolean syncThisBatch() {
    SyncPolicy policy = config.syncPolicy();
    if (policy == SyncPolicy.SYNC_EVERY_COMMIT) {
      return true;
    }
    if (policy == SyncPolicy.PERIODIC
        && System.nanoTime() - lastSyncNanos >= config.syncInterval().toNanos()) {
      lastSyncNanos = System.nanoTime();
      return true;
    }
    return false;
  }

  private void failQueued() {
    for (Pending<?> p; (p = queue.poll()) != null; ) {
      p.future.completeExceptionally(StoreErrors.closed());
    }
  }

  /**
   * Writes everything still queued, then refuses new operations. After this returns no drain task
   * touches the database.
   */
  void close() {
    Runnable completions;
    writeLock.lock();
    try {
      closed = true;
      List<Runnable> all = new ArrayList<>();
      while (!queue.isEmpty()) {
        all.add(drainOnce());
      }
      completions = () -> all.forEach(Runnable::run);
    } finally {
      writeLock.unlock();
    }
    completions.run();
  }
}
