package dev.atpj.store.rocksdb;

import dev.atpj.store.StoreConfig;
import dev.atpj.store.internal.StoreErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.Cache;
import org.rocksdb.Env;
import org.rocksdb.LRUCache;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBufferManager;

/**
 * What all RocksDB stores of a process share: one LRU block cache, one write-buffer manager that
 * bounds memtable memory across stores, one info log (to SLF4J, not a file per store), and a small
 * pool of commit threads on which each store's group commits run (one at a time per store). Closing
 * it closes every store it opened.
 */
public final class StoreEnvironment implements AutoCloseable {
  private final LRUCache blockCache;
  private final WriteBufferManager writeBufferManager;
  private final RocksDbInfoLog infoLog;
  private final ExecutorService commitExecutor;
  private final Set<RocksDbAtStore> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** An environment with the given settings. */
  public StoreEnvironment(StoreEnvironmentConfig config) {
    RocksDB.loadLibrary();
    Env.getDefault()
        .incBackgroundThreadsIfNeeded(config.compactionThreads(), Priority.LOW)
        .incBackgroundThreadsIfNeeded(config.flushThreads(), Priority.HIGH);
    this.blockCache = new LRUCache(config.blockCacheBytes());
    this.writeBufferManager = new WriteBufferManager(config.writeBufferManagerBytes(), blockCache);
    this.infoLog = new RocksDbInfoLog();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "atpj-store-commit-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.commitExecutor = Executors.newFixedThreadPool(config.commitThreads(), threads);
  }

  /** An environment with default settings. */
  public StoreEnvironment() {
    this(StoreEnvironmentConfig.DEFAULT);
  }

  Cache blockCache() {
    return blockCache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBufferManager;
  }

  RocksDbInfoLog infoLog() {
    return infoLog;
  }

  Executor commitExecutor() {
    return commitExecutor;
  }

  /**
   * Opens the store in {@code dir}, creating the folder and the database when missing. A folder
   * holds one atSign's data; it can be open once per process.
   *
   * @param dir the store's folder
   * @param config the store settings
   * @param clock the clock for commit times
   * @return the open store
   * @throws dev.atpj.protocol.AtException DATA_STORE when the database cannot be opened
   */
  public RocksDbAtStore open(Path dir, StoreConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    if (closed) {
      throw StoreErrors.closed();
    }
    try {
      OwnerOnlyFiles.createFolder(dir);
      RocksDbAtStore store =
          new RocksDbAtStore(this, RocksDbResources.open(dir, config, this), config, clock);
      try {
        OwnerOnlyFiles.restrictFiles(dir);
      } catch (java.io.UncheckedIOException e) {
        store.close();
        throw e.getCause();
      }
      open.add(store);
      if (closed) {
        store.close();
        throw StoreErrors.closed();
      }
      return store;
    } catch (RocksDBException | IOException e) {
      throw StoreErrors.dataStore("cannot open store " + dir, e);
    }
  }

  /**
   * The folder of an atSign's store under {@code root}: the atSign without its leading {@code @},
   * with every character other than lower-case ASCII letters, digits, {@code -} and {@code _}
   * percent-encoded (UTF-8), so that any atSign maps to one safe folder name, distinct even on a
   * case-insensitive file system.
   */
  public static Path folderFor(Path root, String atSign) {
    String name = atSign.startsWith("@") ? atSign.substring(1) : atSign;
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty atSign");
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      sb.append(safe ? String.valueOf(c) : String.format("%%%02X", b & 0xFF));
    }
    return root.resolve(sb.toString());
  }

  void forget(RocksDbAtStore store) {
    open.remove(store);
  }

  /** Closes every open store, the commit threads, the cache and the write-buffer manager. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (RocksDbAtStore store : List.copyOf(open)) {
      store.close();
    }
    commitExecutor.shutdown();
    try {
      commitExecutor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeBufferManager.close();
    infoLog.close();
    blockCache.close();
  }
}
