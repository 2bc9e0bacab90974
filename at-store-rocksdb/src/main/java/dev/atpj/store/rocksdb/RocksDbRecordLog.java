package dev.atpj.store.rocksdb;

import dev.atpj.store.LogRecord;
import dev.atpj.store.RecordLog;
import dev.atpj.store.internal.OrderedBytes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * A {@link RecordLog} in two column families: {@code <name>_time} maps (time, id) to the record
 * bytes, so time-ordered replay is one sequential scan; {@code <name>} maps id to time.
 */
final class RocksDbRecordLog implements RecordLog {
  private final RocksDbAtStore store;
  private final ColumnFamilyHandle byId;
  private final ColumnFamilyHandle byTime;

  RocksDbRecordLog(RocksDbAtStore store, RocksDbResources res, String name) {
    this.store = store;
    this.byId = res.handle(name);
    this.byTime = res.handle(name + "_time");
  }

  @Override
  public CompletableFuture<Void> put(LogRecord record) {
    byte[] id = OrderedBytes.utf8(record.id());
    long millis = record.time().toEpochMilli();
    byte[] data = record.data();
    return store
        .committer()
        .submit(
            ctx -> {
              removeInBatch(ctx, id);
              ctx.put(byId, id, OrderedBytes.ofLong(millis));
              ctx.put(byTime, OrderedBytes.withLong(millis, id), data);
              return null;
            });
  }

  private boolean removeInBatch(BatchContext ctx, byte[] id) throws RocksDBException {
    byte[] time = ctx.get(byId, id);
    if (time == null) {
      return false;
    }
    ctx.delete(byId, id);
    ctx.delete(byTime, OrderedBytes.withLong(OrderedBytes.readLong(time), id));
    return true;
  }

  @Override
  public Optional<LogRecord> get(String id) {
    return store.read(
        () -> {
          byte[] time = store.db().get(byId, OrderedBytes.utf8(id));
          if (time == null) {
            return Optional.empty();
          }
          long millis = OrderedBytes.readLong(time);
          byte[] data =
              store.db().get(byTime, OrderedBytes.withLong(millis, OrderedBytes.utf8(id)));
          return Optional.ofNullable(data)
              .map(d -> new LogRecord(id, Instant.ofEpochMilli(millis), d));
        });
  }

  @Override
  public CompletableFuture<Boolean> remove(String id) {
    byte[] idBytes = OrderedBytes.utf8(id);
    return store.committer().submit(ctx -> removeInBatch(ctx, idBytes));
  }

  @Override
  public void forEachSince(Instant from, Predicate<LogRecord> visitor) {
    store.read(
        () -> {
          RocksScan.from(
              store.db(),
              byTime,
              OrderedBytes.ofLong(from.toEpochMilli()),
              (k, v) -> {
                Instant t = Instant.ofEpochMilli(OrderedBytes.readLong(k));
                return visitor.test(new LogRecord(OrderedBytes.readSuffix(k), t, v));
              });
          return null;
        });
  }

  @Override
  public CompletableFuture<Integer> removeOlderThan(Instant cutoff, int max) {
    return store.committer().submit(ctx -> removeOldest(ctx, max, cutoff.toEpochMilli()));
  }

  @Override
  public CompletableFuture<Integer> removeOldest(int count) {
    return store.committer().submit(ctx -> removeOldest(ctx, count, Long.MAX_VALUE));
  }

  private int removeOldest(BatchContext ctx, int max, long beforeMillis) throws RocksDBException {
    int[] removed = {0};
    if (max > 0) {
      RocksScan.from(
          store.db(),
          byTime,
          null,
          (k, v) -> {
            if (OrderedBytes.readLong(k) >= beforeMillis) {
              return false;
            }
            if (ctx.get(byTime, k) != null) {
              ctx.delete(byTime, k);
              ctx.delete(byId, Arrays.copyOfRange(k, 8, k.length));
              removed[0]++;
            }
            return removed[0] < max;
          });
    }
    return removed[0];
  }

  @Override
  public long approximateCount() {
    return store.read(() -> store.longProperty(byId, "rocksdb.estimate-num-keys"));
  }
}
