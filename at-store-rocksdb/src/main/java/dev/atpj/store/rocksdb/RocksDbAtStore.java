package dev.atpj.store.rocksdb;

import dev.atpj.store.AtStore;
import dev.atpj.store.CommitLog;
import dev.atpj.store.CommitOp;
import dev.atpj.store.KeyEntry;
import dev.atpj.store.Mutation;
import dev.atpj.store.RecordLog;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.SyncPolicy;
import dev.atpj.store.internal.OrderedBytes;
import dev.atpj.store.internal.StoreErrors;
import dev.atpj.store.internal.StoredValueCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AtStore} of one atSign on its own RocksDB database. Open it with {@link
 * StoreEnvironment#open}. Reads run on the caller's thread; writes are group-committed on the
 * environment's commit threads, where their futures complete.
 */
public final class RocksDbAtStore implements AtStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbAtStore.class);

  private final StoreEnvironment env;
  private final StoreConfig config;
  private final RocksDbResources res;
  private final CloseGuard guard = new CloseGuard();
  private final GroupCommitter committer;
  private final KeystoreOps keystoreOps;
  private final RocksDbCommitLog commitLog;
  private final RocksDbRecordLog notifications;
  private final RocksDbRecordLog accessLog;
  private final ColumnFamilyHandle keys;
  private final ColumnFamilyHandle properties;

  RocksDbAtStore(StoreEnvironment env, RocksDbResources res, StoreConfig config, Clock clock) {
    this.env = env;
    this.config = config;
    this.res = res;
    this.keys = res.handle("keys");
    this.properties = res.handle("default");
    long last;
    try {
      last = RocksDbCommitLog.readLastCommitId(res);
    } catch (RocksDBException e) {
      res.close();
      throw StoreErrors.dataStore("cannot open store", e);
    }
    this.committer = new GroupCommitter(res, config, clock, env.commitExecutor(), last);
    this.keystoreOps = new KeystoreOps(res);
    this.commitLog = new RocksDbCommitLog(this, res);
    this.notifications = new RocksDbRecordLog(this, res, "notifications");
    this.accessLog = new RocksDbRecordLog(this, res, "access");
  }

  /** Group-commit counters since this store was opened. */
  public CommitStats commitStats() {
    return committer.stats();
  }

  StoreConfig config() {
    return config;
  }

  GroupCommitter committer() {
    return committer;
  }

  KeystoreOps keystoreOps() {
    return keystoreOps;
  }

  RocksDB db() {
    return res.db;
  }

  /** A read that may fail in RocksDB. */
  interface Read<T> {
    T run() throws RocksDBException;
  }

  /** Runs a read while the native handles are guaranteed open; maps RocksDB failures. */
  <T> T read(Read<T> reader) {
    guard.enter();
    try {
      return reader.run();
    } catch (RocksDBException e) {
      throw StoreErrors.dataStore("read failed", e);
    } finally {
      guard.exit();
    }
  }

  private byte[] getRaw(ColumnFamilyHandle cf, String key) {
    return read(() -> res.db.get(cf, OrderedBytes.utf8(key)));
  }

  private static StoredValue decode(byte[] raw) {
    try {
      return StoredValueCodec.decode(raw);
    } catch (IllegalArgumentException e) {
      throw StoreErrors.dataStore("corrupt record", e);
    }
  }

  long longProperty(ColumnFamilyHandle cf, String name) throws RocksDBException {
    return res.db.getLongProperty(cf, name);
  }

  @Override
  public Optional<StoredValue> get(String key) {
    byte[] raw = getRaw(keys, key);
    return raw == null ? Optional.empty() : Optional.of(decode(raw));
  }

  @Override
  public boolean exists(String key) {
    return getRaw(keys, key) != null;
  }

  @Override
  public CompletableFuture<Long> put(String key, StoredValue value, CommitOp op) {
    Mutation m = new Mutation.Put(key, value, op);
    return committer.submit(ctx -> keystoreOps.apply(ctx, m));
  }

  @Override
  public CompletableFuture<Long> delete(String key, boolean committed) {
    Mutation m = new Mutation.Delete(key, committed);
    return committer.submit(ctx -> keystoreOps.apply(ctx, m));
  }

  @Override
  public CompletableFuture<List<Long>> apply(List<Mutation> mutations) {
    List<Mutation> copy = List.copyOf(mutations);
    return committer.submit(ctx -> keystoreOps.applyAll(ctx, copy));
  }

  @Override
  public void forEachKey(String prefix, Predicate<KeyEntry> visitor) {
    byte[] p = OrderedBytes.utf8(prefix);
    read(
        () -> {
          RocksScan.from(
              res.db,
              keys,
              p,
              (k, v) ->
                  OrderedBytes.startsWith(k, p)
                      && visitor.test(new KeyEntry(OrderedBytes.string(k), decode(v))));
          return null;
        });
  }

  @Override
  public CommitLog commitLog() {
    return commitLog;
  }

  @Override
  public List<String> expiredKeys(Instant now, int max) {
    return read(
        () -> {
          List<String> out = new ArrayList<>();
          if (max > 0) {
            RocksScan.from(
                res.db,
                res.handle("expiry"),
                null,
                (k, v) ->
                    OrderedBytes.readLong(k) <= now.toEpochMilli()
                        && out.add(OrderedBytes.readSuffix(k))
                        && out.size() < max);
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<Integer> removeExpired(Instant now, int max) {
    return committer.submit(ctx -> keystoreOps.removeExpired(ctx, now, max));
  }

  @Override
  public RecordLog notifications() {
    return notifications;
  }

  @Override
  public RecordLog accessLog() {
    return accessLog;
  }

  @Override
  public Optional<String> serverProperty(String name) {
    return Optional.ofNullable(getRaw(properties, name)).map(OrderedBytes::string);
  }

  @Override
  public CompletableFuture<Void> putServerProperty(String name, String value) {
    byte[] k = OrderedBytes.utf8(Objects.requireNonNull(name, "name"));
    return committer.submit(
        ctx -> {
          if (value == null) {
            ctx.delete(properties, k);
          } else {
            ctx.put(properties, k, OrderedBytes.utf8(value));
          }
          return null;
        });
  }

  @Override
  public long approximateSizeBytes() {
    return read(
        () -> {
          long size = 0;
          for (ColumnFamilyHandle cf : res.handles) {
            size += longProperty(cf, "rocksdb.total-sst-files-size");
            size += longProperty(cf, "rocksdb.cur-size-all-mem-tables");
          }
          return size;
        });
  }

  @Override
  public synchronized void close() {
    if (guard.isClosed()) {
      return;
    }
    committer.close();
    guard.closeAndAwait();
    try {
      if (config.syncPolicy() != SyncPolicy.SYNC_EVERY_COMMIT) {
        res.syncWal();
      }
    } catch (RocksDBException e) {
      LOG.warn("syncing the write-ahead log on close failed", e);
    } finally {
      res.close();
      env.forget(this);
    }
  }
}
