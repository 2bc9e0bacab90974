package dev.atpj.store.memory;

import dev.atpj.store.LogRecord;
import dev.atpj.store.RecordLog;
import dev.atpj.store.internal.StoreErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A {@link RecordLog} in memory; writes complete at once. */
final class InMemoryRecordLog implements RecordLog {
  private final TreeMap<TimeKey, LogRecord> byTime = new TreeMap<>();
  private final Map<String, TimeKey> byId = new HashMap<>();
  private final BooleanSupplier closed;

  InMemoryRecordLog(BooleanSupplier closed) {
    this.closed = closed;
  }

  private void checkOpen() {
    if (closed.getAsBoolean()) {
      throw StoreErrors.closed();
    }
  }

  private static LogRecord normalise(LogRecord r) {
    return new LogRecord(r.id(), Instant.ofEpochMilli(r.time().toEpochMilli()), r.data());
  }

  @Override
  public synchronized CompletableFuture<Void> put(LogRecord record) {
    checkOpen();
    LogRecord r = normalise(record);
    TimeKey old = byId.remove(r.id());
    if (old != null) {
      byTime.remove(old);
    }
    TimeKey tk = new TimeKey(r.time().toEpochMilli(), r.id());
    byId.put(r.id(), tk);
    byTime.put(tk, r);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized Optional<LogRecord> get(String id) {
    checkOpen();
    TimeKey tk = byId.get(id);
    return tk == null ? Optional.empty() : Optional.of(byTime.get(tk));
  }

  @Override
  public synchronized CompletableFuture<Boolean> remove(String id) {
    checkOpen();
    TimeKey tk = byId.remove(id);
    if (tk != null) {
      byTime.remove(tk);
    }
    return CompletableFuture.completedFuture(tk != null);
  }

  @Override
  public void forEachSince(Instant from, Predicate<LogRecord> visitor) {
    List<LogRecord> snapshot;
    synchronized (this) {
      checkOpen();
      snapshot =
          new ArrayList<>(byTime.tailMap(new TimeKey(from.toEpochMilli(), ""), true).values());
    }
    for (LogRecord r : snapshot) {
      if (!visitor.test(r)) {
        return;
      }
    }
  }

  @Override
  public synchronized CompletableFuture<Integer> removeOlderThan(Instant cutoff, int max) {
    return CompletableFuture.completedFuture(
        removeWhile(max, tk -> tk.millis() < cutoff.toEpochMilli()));
  }

  @Override
  public synchronized CompletableFuture<Integer> removeOldest(int count) {
    return CompletableFuture.completedFuture(removeWhile(count, tk -> true));
  }

  private int removeWhile(int max, Predicate<TimeKey> condition) {
    checkOpen();
    int removed = 0;
    Iterator<TimeKey> it = byTime.keySet().iterator();
    while (removed < max && it.hasNext()) {
      TimeKey tk = it.next();
      if (!condition.test(tk)) {
        break;
      }
      it.remove();
      byId.remove(tk.name());
      removed++;
    }
    return removed;
  }

  @Override
  public synchronized long approximateCount() {
    checkOpen();
    return byId.size();
  }
}
