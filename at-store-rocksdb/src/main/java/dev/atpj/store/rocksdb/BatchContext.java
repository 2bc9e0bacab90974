package dev.atpj.store.rocksdb;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One group commit being built: the {@link WriteBatch}, the next commit id, the commit time, and an
 * overlay so that an operation reads what earlier operations of the same batch wrote.
 */
final class BatchContext {
  private static final Object DELETED = new Object();

  private final RocksDB db;
  private final WriteBatch batch;
  private final Instant now;
  private final Map<ColumnFamilyHandle, Map<ByteBuffer, Object>> overlay = new IdentityHashMap<>();
  private long nextCommitId;

  BatchContext(RocksDB db, WriteBatch batch, Instant now, long nextCommitId) {
    this.db = db;
    this.batch = batch;
    this.now = now;
    this.nextCommitId = nextCommitId;
  }

  /** The commit time of this batch. */
  Instant now() {
    return now;
  }

  /** Takes the next commit id. */
  long takeCommitId() {
    return nextCommitId++;
  }

  /** The commit id after this batch's last one. */
  long nextCommitId() {
    return nextCommitId;
  }

  /** Reads a value as this batch would leave it. */
  byte[] get(ColumnFamilyHandle cf, byte[] key) throws RocksDBException {
    Map<ByteBuffer, Object> m = overlay.get(cf);
    Object o = m == null ? null : m.get(ByteBuffer.wrap(key));
    if (o == DELETED) {
      return null;
    }
    return o != null ? (byte[]) o : db.get(cf, key);
  }

  /** Writes a value (visible to later {@link #get}s of this batch). */
  void put(ColumnFamilyHandle cf, byte[] key, byte[] value) throws RocksDBException {
    batch.put(cf, key, value);
    overlay.computeIfAbsent(cf, c -> new HashMap<>()).put(ByteBuffer.wrap(key), value);
  }

  /** Writes a value that this batch never reads back (append-only column families). */
  void append(ColumnFamilyHandle cf, byte[] key, byte[] value) throws RocksDBException {
    batch.put(cf, key, value);
  }

  /** Deletes a value. */
  void delete(ColumnFamilyHandle cf, byte[] key) throws RocksDBException {
    batch.delete(cf, key);
    overlay.computeIfAbsent(cf, c -> new HashMap<>()).put(ByteBuffer.wrap(key), DELETED);
  }
}
