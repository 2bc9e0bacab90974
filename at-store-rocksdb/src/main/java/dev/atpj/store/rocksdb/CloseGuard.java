package dev.atpj.store.rocksdb;

import dev.atpj.store.internal.StoreErrors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps native handles alive while reads use them: a read enters and exits; close waits until no
 * read is inside. Using a closed RocksDB handle would crash the JVM, not throw.
 */
final class CloseGuard {
  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean closed;

  /** Enters a read; throws when closed. Pair with {@link #exit()} in a finally block. */
  void enter() {
    active.incrementAndGet();
    if (closed) {
      active.decrementAndGet();
      throw StoreErrors.closed();
    }
  }

  void exit() {
    active.decrementAndGet();
  }

  boolean isClosed() {
    return closed;
  }

  /** Refuses new reads and waits for the ones inside to finish. */
  void closeAndAwait() {
    closed = true;
    while (active.get() > 0) {
      LockSupport.parkNanos(100_000);
    }
  }
}
