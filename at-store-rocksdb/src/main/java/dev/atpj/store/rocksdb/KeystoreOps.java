package dev.atpj.store.rocksdb;

import dev.atpj.store.CommitCompaction;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.Mutation;
import dev.atpj.store.internal.CommitEntryCodec;
import dev.atpj.store.internal.OrderedBytes;
import dev.atpj.store.internal.StoredValueCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Keystore writes inside a batch: the key, its commit entry, its latest-commit record and its
 * expiry-index entry change together.
 */
final class KeystoreOps {
  private static final byte[] EMPTY = new byte[0];

  private final ColumnFamilyHandle keys;
  private final ColumnFamilyHandle commits;
  private final ColumnFamilyHandle latest;
  private final ColumnFamilyHandle expiry;
  private final RocksDbResources res;

  KeystoreOps(RocksDbResources res) {
    this.res = res;
    this.keys = res.handle("keys");
    this.commits = res.handle("commits");
    this.latest = res.handle("latest");
    this.expiry = res.handle("expiry");
  }

  /** Applies one mutation; returns its commit id or -1. */
  long apply(BatchContext ctx, Mutation m) throws RocksDBException {
    byte[] kb = OrderedBytes.utf8(m.key());
    Instant oldExpiry = expiresAt(ctx.get(keys, kb));
    if (m instanceof Mutation.Put p) {
      Instant newExpiry = p.value().metadata().expiresAt();
      if (oldExpiry != null && !oldExpiry.equals(truncate(newExpiry))) {
        ctx.delete(expiry, OrderedBytes.withLong(oldExpiry.toEpochMilli(), kb));
      }
      ctx.put(keys, kb, StoredValueCodec.encode(p.value()));
      if (newExpiry != null) {
        ctx.put(expiry, OrderedBytes.withLong(newExpiry.toEpochMilli(), kb), EMPTY);
      }
      return p.op() == null ? -1 : commit(ctx, m.key(), kb, p.op());
    }
    Mutation.Delete d = (Mutation.Delete) m;
    if (oldExpiry != null) {
      ctx.delete(expiry, OrderedBytes.withLong(oldExpiry.toEpochMilli(), kb));
    }
    ctx.delete(keys, kb);
    return d.committed() ? commit(ctx, m.key(), kb, CommitOp.DELETE) : -1;
  }

  private long commit(BatchContext ctx, String key, byte[] kb, CommitOp op)
      throws RocksDBException {
    long id = ctx.takeCommitId();
    byte[] idKey = OrderedBytes.ofLong(id);
    ctx.append(commits, idKey, CommitEntryCodec.encodeValue(key, op, ctx.now()));
    ctx.put(latest, kb, idKey);
    return id;
  }

  /** Removes expired keys (see {@link dev.atpj.store.AtStore#removeExpired}). */
  int removeExpired(BatchContext ctx, Instant now, int max) throws RocksDBException {
    int[] examined = {0};
    int[] removed = {0};
    if (max < 1) {
      return 0;
    }
    RocksScan.from(
        res.db,
        expiry,
        null,
        (ik, v) -> {
          long millis = OrderedBytes.readLong(ik);
          if (millis > now.toEpochMilli()) {
            return false;
          }
          if (ctx.get(expiry, ik) == null) {
            return true; // already removed by this batch
          }
          examined[0]++;
          byte[] kb = Arrays.copyOfRange(ik, 8, ik.length);
          Instant current = expiresAt(ctx.get(keys, kb));
          ctx.delete(expiry, ik);
          if (current != null && current.toEpochMilli() == millis) {
            ctx.delete(keys, kb);
            if (ctx.get(latest, kb) != null) {
              commit(ctx, OrderedBytes.string(kb), kb, CommitOp.DELETE);
            }
            removed[0]++;
          }
          return examined[0] < max;
        });
    return removed[0];
  }

  /** Removes superseded commit entries (see {@link dev.atpj.store.CommitLog#compact}). */
  int compact(BatchContext ctx, long upTo, int maxExamined) throws RocksDBException {
    int[] examined = {0};
    int[] removed = {0};
    if (maxExamined < 1) {
      return 0;
    }
    RocksScan.from(
        res.db,
        commits,
        null,
        (idKey, v) -> {
          if (OrderedBytes.readLong(idKey) > upTo) {
            return false;
          }
          String key = CommitEntryCodec.decode(idKey, v).key();
          byte[] latestId = ctx.get(latest, OrderedBytes.utf8(key));
          if (latestId == null || !Arrays.equals(latestId, idKey)) {
            ctx.delete(commits, idKey);
            removed[0]++;
          }
          return ++examined[0] < maxExamined;
        });
    return removed[0];
  }

  /**
   * One resumable compaction step (see {@link dev.atpj.store.CommitLog#compact(long, Instant,
   * int)}).
   */
  CommitCompaction compactStep(BatchContext ctx, long after, Instant before, int maxExamined)
      throws RocksDBException {
    int[] examined = {0};
    int[] removed = {0};
    long[] last = {after};
    boolean[] more = {false};
    RocksScan.from(
        res.db,
        commits,
        OrderedBytes.ofLong(Math.max(after + 1, 0)),
        (idKey, v) -> {
          long id = OrderedBytes.readLong(idKey);
          if (examined[0] >= maxExamined) {
            more[0] = true;
            return false;
          }
          examined[0]++;
          last[0] = id;
          CommitEntry e = CommitEntryCodec.decode(idKey, v);
          if (e.opTime().isBefore(before)) {
            byte[] latestId = ctx.get(latest, OrderedBytes.utf8(e.key()));
            if (latestId == null || !Arrays.equals(latestId, idKey)) {
              ctx.delete(commits, idKey);
              removed[0]++;
            }
          }
          return true;
        });
    return new CommitCompaction(examined[0], removed[0], last[0], !more[0]);
  }

  /** Applies mutations in order. */
  List<Long> applyAll(BatchContext ctx, List<Mutation> mutations) throws RocksDBException {
    Long[] ids = new Long[mutations.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = apply(ctx, mutations.get(i));
    }
    return List.of(ids);
  }

  private static Instant expiresAt(byte[] encoded) {
    return encoded == null ? null : StoredValueCodec.decode(encoded).metadata().expiresAt();
  }

  private static Instant truncate(Instant t) {
    return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
  }
}
