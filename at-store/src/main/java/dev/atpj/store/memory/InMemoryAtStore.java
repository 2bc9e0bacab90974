package dev.atpj.store.memory;

import dev.atpj.store.AtStore;
import dev.atpj.store.CommitLog;
import dev.atpj.store.CommitOp;
import dev.atpj.store.KeyEntry;
import dev.atpj.store.Mutation;
import dev.atpj.store.RecordLog;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.internal.KeyOrder;
import dev.atpj.store.internal.StoreErrors;
import dev.atpj.store.internal.StoredValueCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link AtStore} in memory, for tests: the same semantics as the RocksDB store (commit ids,
 * ordering, millisecond instants), with writes that complete at once on the caller's thread.
 */
public final class InMemoryAtStore implements AtStore {
  private final Clock clock;
  private final StoreConfig config;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<String, StoredValue> keys = new TreeMap<>(KeyOrder.CODE_POINT);
  private final InMemoryExpiryIndex expiry = new InMemoryExpiryIndex();
  private final Map<String, String> properties = new HashMap<>();
  private final InMemoryCommitLog commitLog = new InMemoryCommitLog(this);
  private final InMemoryRecordLog notifications = new InMemoryRecordLog(this::isClosed);
  private final InMemoryRecordLog accessLog = new InMemoryRecordLog(this::isClosed);
  private volatile boolean closed;

  /** A store with default settings. */
  public InMemoryAtStore(Clock clock) {
    this(clock, StoreConfig.DEFAULT);
  }

  /** A store with the given settings (only {@link StoreConfig#pageScanLimit()} matters). */
  public InMemoryAtStore(Clock clock, StoreConfig config) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
  }

  boolean isClosed() {
    return closed;
  }

  int pageScanLimit() {
    return config.pageScanLimit();
  }

  <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw StoreErrors.closed();
      }
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> CompletableFuture<T> write(Function<Instant, T> writer) {
    lock.writeLock().lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(StoreErrors.closed());
      }
      return CompletableFuture.completedFuture(writer.apply(Instant.ofEpochMilli(clock.millis())));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The stored value; the caller holds a lock. */
  Optional<StoredValue> peek(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  @Override
  public Optional<StoredValue> get(String key) {
    return read(() -> peek(key));
  }

  @Override
  public boolean exists(String key) {
    return read(() -> keys.containsKey(key));
  }

  @Override
  public CompletableFuture<Long> put(String key, StoredValue value, CommitOp op) {
    return apply(List.of(new Mutation.Put(key, value, op))).thenApply(l -> l.get(0));
  }

  @Override
  public CompletableFuture<Long> delete(String key, boolean committed) {
    return apply(List.of(new Mutation.Delete(key, committed))).thenApply(l -> l.get(0));
  }

  @Override
  public CompletableFuture<List<Long>> apply(List<Mutation> mutations) {
    List<Mutation> copy = List.copyOf(mutations);
    return write(
        now -> {
          List<Long> ids = new ArrayList<>(copy.size());
          for (Mutation m : copy) {
            ids.add(applyOne(m, now));
          }
          return List.copyOf(ids);
        });
  }

  private long applyOne(Mutation m, Instant now) {
    if (m instanceof Mutation.Put p) {
      StoredValue v = StoredValueCodec.normalise(p.value());
      expiry.update(p.key(), keys.put(p.key(), v), v);
      return p.op() == null ? -1 : commitLog.append(p.key(), p.op(), now);
    }
    Mutation.Delete d = (Mutation.Delete) m;
    expiry.update(d.key(), keys.remove(d.key()), null);
    return d.committed() ? commitLog.append(d.key(), CommitOp.DELETE, now) : -1;
  }

  @Override
  public void forEachKey(String prefix, Predicate<KeyEntry> visitor) {
    List<KeyEntry> snapshot =
        read(
            () -> {
              List<KeyEntry> out = new ArrayList<>();
              for (var e : keys.tailMap(prefix, true).entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                  break;
                }
                out.add(new KeyEntry(e.getKey(), e.getValue()));
              }
              return out;
            });
    for (KeyEntry e : snapshot) {
      if (!visitor.test(e)) {
        return;
      }
    }
  }

  @Override
  public CommitLog commitLog() {
    return commitLog;
  }

  @Override
  public List<String> expiredKeys(Instant now, int max) {
    return read(() -> expiry.expired(now, max));
  }

  @Override
  public CompletableFuture<Integer> removeExpired(Instant now, int max) {
    return write(
        opTime -> {
          List<String> expired = expiry.expired(now, max);
          for (String key : expired) {
            expiry.update(key, keys.remove(key), null);
            if (commitLog.everCommitted(key)) {
              commitLog.append(key, CommitOp.DELETE, opTime);
            }
          }
          return expired.size();
        });
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
    return read(() -> Optional.ofNullable(properties.get(name)));
  }

  @Override
  public CompletableFuture<Void> putServerProperty(String name, String value) {
    Objects.requireNonNull(name, "name");
    return write(
        now -> {
          if (value == null) {
            properties.remove(name);
          } else {
            properties.put(name, value);
          }
          return null;
        });
  }

  @Override
  public long approximateSizeBytes() {
    return read(
        () -> {
          long size = 0;
          for (var e : keys.entrySet()) {
            size += e.getKey().length() + StoredValueCodec.encode(e.getValue()).length;
          }
          return size;
        });
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
