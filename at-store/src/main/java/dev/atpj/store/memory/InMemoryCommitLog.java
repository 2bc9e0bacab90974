package dev.atpj.store.memory;

import dev.atpj.store.CommitCompaction;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitLog;
import dev.atpj.store.CommitOp;
import dev.atpj.store.CommitPage;
import dev.atpj.store.internal.CommitPager;
import dev.atpj.store.internal.StoredValueCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The commit log of an {@link InMemoryAtStore}; guarded by the store's lock. */
final class InMemoryCommitLog implements CommitLog, CommitPager.Source {
  private final InMemoryAtStore store;
  private final TreeMap<Long, CommitEntry> entries = new TreeMap<>();
  private final Map<String, Long> latest = new HashMap<>();
  private long lastCommitId = -1;

  InMemoryCommitLog(InMemoryAtStore store) {
    this.store = store;
  }

  /** Appends an entry; the caller holds the write lock. */
  long append(String key, CommitOp op, Instant now) {
    long id = ++lastCommitId;
    entries.put(id, new CommitEntry(id, key, op, now));
    latest.put(key, id);
    return id;
  }

  /** Whether the key was ever committed; the caller holds a lock. */
  boolean everCommitted(String key) {
    return latest.containsKey(key);
  }

  @Override
  public long lastCommitId() {
    return store.read(() -> lastCommitId);
  }

  @Override
  public CommitPage page(long after, int limit, long byteBudget, Predicate<String> keyFilter) {
    return store.read(
        () -> CommitPager.page(this, after, limit, byteBudget, store.pageScanLimit(), keyFilter));
  }

  @Override
  public List<CommitEntry> entriesSince(long after, int limit) {
    return store.read(
        () -> {
          List<CommitEntry> out = new ArrayList<>();
          forEachAfter(after, e -> out.add(e) && out.size() < limit);
          return out;
        });
  }

  @Override
  public OptionalLong latestCommitId(String key) {
    return store.read(
        () -> {
          Long id = latest.get(key);
          return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        });
  }

  @Override
  public CompletableFuture<Integer> compact(long upToCommitId, int maxExamined) {
    return store.write(
        now -> {
          int removed = 0;
          int examined = 0;
          Iterator<CommitEntry> it = entries.values().iterator();
          while (it.hasNext() && examined++ < maxExamined) {
            CommitEntry e = it.next();
            if (e.commitId() > upToCommitId) {
              break;
            }
            if (latestIdOf(e.key()) != e.commitId()) {
              it.remove();
              removed++;
            }
          }
          return removed;
        });
  }

  @Override
  public CompletableFuture<CommitCompaction> compact(
      long afterCommitId, Instant supersededBefore, int maxExamined) {
    if (maxExamined < 1) {
      throw new IllegalArgumentException("maxExamined < 1");
    }
    return store.write(
        now -> {
          int removed = 0;
          int examined = 0;
          long last = afterCommitId;
          Iterator<CommitEntry> it = entries.tailMap(afterCommitId, false).values().iterator();
          while (it.hasNext()) {
            if (examined == maxExamined) {
              return new CommitCompaction(examined, removed, last, false);
            }
            CommitEntry e = it.next();
            examined++;
            last = e.commitId();
            if (e.opTime().isBefore(supersededBefore) && latestIdOf(e.key()) != e.commitId()) {
              it.remove();
              removed++;
            }
          }
          return new CommitCompaction(examined, removed, last, true);
        });
  }

  @Override
  public long lastCommitIdWhere(Predicate<String> keyFilter) {
    return store.read(
        () -> {
          for (CommitEntry e : entries.descendingMap().values()) {
            if (keyFilter.test(e.key())) {
              return e.commitId();
            }
          }
          return -1L;
        });
  }

  @Override
  public long approximateEntryCount() {
    return store.read(() -> (long) entries.size());
  }

  @Override
  public void forEachAfter(long after, Predicate<CommitEntry> visitor) {
    for (CommitEntry e : entries.tailMap(after, false).values()) {
      if (!visitor.test(e)) {
        return;
      }
    }
  }

  @Override
  public long latestIdOf(String key) {
    Long id = latest.get(key);
    return id == null ? -1 : id;
  }

  @Override
  public long valueSize(String key) {
    return store.peek(key).map(v -> (long) StoredValueCodec.encode(v).length).orElse(0L);
  }
}
