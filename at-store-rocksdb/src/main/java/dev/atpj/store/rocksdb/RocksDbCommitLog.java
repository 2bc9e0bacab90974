package dev.atpj.store.rocksdb;

import dev.atpj.store.CommitCompaction;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitLog;
import dev.atpj.store.CommitPage;
import dev.atpj.store.internal.CommitEntryCodec;
import dev.atpj.store.internal.CommitPager;
import dev.atpj.store.internal.OrderedBytes;
import dev.atpj.store.internal.StoreErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The commit log on RocksDB: {@code commits} maps the 8-byte commit id to the entry, {@code latest}
 * maps each key to its latest commit id, so "is this the latest entry?" is one point lookup.
 */
final class RocksDbCommitLog implements CommitLog, CommitPager.Source {
  private static final byte[] NO_BYTES = new byte[0];

  private final RocksDbAtStore store;
  private final RocksDB db;
  private final ColumnFamilyHandle commits;
  private final ColumnFamilyHandle latest;
  private final ColumnFamilyHandle keys;

  RocksDbCommitLog(RocksDbAtStore store, RocksDbResources res) {
    this.store = store;
    this.db = res.db;
    this.commits = res.handle("commits");
    this.latest = res.handle("latest");
    this.keys = res.handle("keys");
  }

  /** The last commit id on disk, by one seek (no scan), or -1. */
  static long readLastCommitId(RocksDbResources res) throws RocksDBException {
    byte[] last = RocksScan.lastKey(res.db, res.handle("commits"));
    return last == null ? -1 : OrderedBytes.readLong(last);
  }

  @Override
  public long lastCommitId() {
    return store.committer().lastCommitId();
  }

  @Override
  public CommitPage page(long after, int limit, long byteBudget, Predicate<String> keyFilter) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1");
    }
    return store.read(
        () ->
            CommitPager.page(
                this, after, limit, byteBudget, store.config().pageScanLimit(), keyFilter));
  }

  @Override
  public List<CommitEntry> entriesSince(long after, int limit) {
    return store.read(
        () -> {
          List<CommitEntry> out = new ArrayList<>();
          if (limit > 0) {
            forEachAfter(after, e -> out.add(e) && out.size() < limit);
          }
          return out;
        });
  }

  @Override
  public OptionalLong latestCommitId(String key) {
    return store.read(
        () -> {
          long id = latestIdOf(key);
          return id < 0 ? OptionalLong.empty() : OptionalLong.of(id);
        });
  }

  @Override
  public CompletableFuture<Integer> compact(long upToCommitId, int maxExamined) {
    return store
        .committer()
        .submit(ctx -> store.keystoreOps().compact(ctx, upToCommitId, maxExamined));
  }

  @Override
  public CompletableFuture<CommitCompaction> compact(
      long afterCommitId, Instant supersededBefore, int maxExamined) {
    if (maxExamined < 1) {
      throw new IllegalArgumentException("maxExamined < 1");
    }
    return store
        .committer()
        .submit(
            ctx ->
                store.keystoreOps().compactStep(ctx, afterCommitId, supersededBefore, maxExamined));
  }

  @Override
  public long lastCommitIdWhere(Predicate<String> keyFilter) {
    long lastVisible = lastCommitId();
    if (lastVisible < 0) {
      return -1;
    }
    return store.read(
        () -> {
          long[] found = {-1};
          RocksScan.backwardFrom(
              db,
              commits,
              OrderedBytes.ofLong(lastVisible),
              (k, v) -> {
                CommitEntry e = decode(k, v);
                if (keyFilter.test(e.key())) {
                  found[0] = e.commitId();
                  return false;
                }
                return true;
              });
          return found[0];
        });
  }

  @Override
  public long approximateEntryCount() {
    return store.read(() -> store.longProperty(commits, "rocksdb.estimate-num-keys"));
  }

  @Override
  public void forEachAfter(long after, Predicate<CommitEntry> visitor) {
    if (after == Long.MAX_VALUE) {
      return;
    }
    long lastVisible = lastCommitId();
    try {
      RocksScan.from(
          db,
          commits,
          OrderedBytes.ofLong(Math.max(after + 1, 0)),
          (k, v) -> {
            CommitEntry e = decode(k, v);
            return e.commitId() <= lastVisible && visitor.test(e);
          });
    } catch (RocksDBException e) {
      throw StoreErrors.dataStore("commit log read failed", e);
    }
  }

  private static CommitEntry decode(byte[] key, byte[] value) {
    try {
      return CommitEntryCodec.decode(key, value);
    } catch (IllegalArgumentException e) {
      throw StoreErrors.dataStore("corrupt record", e);
    }
  }

  @Override
  public long latestIdOf(String key) {
    try {
      byte[] id = db.get(latest, OrderedBytes.utf8(key));
      return id == null ? -1 : OrderedBytes.readLong(id);
    } catch (RocksDBException e) {
      throw StoreErrors.dataStore("commit log read failed", e);
    }
  }

  @Override
  public long valueSize(String key) {
    try {
      int size = db.get(keys, OrderedBytes.utf8(key), NO_BYTES);
      return size == RocksDB.NOT_FOUND ? 0 : size;
    } catch (RocksDBException e) {
      throw StoreErrors.dataStore("commit log read failed", e);
    }
  }
}
