package dev.atpj.store.rocksdb;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Ordered scans of a column family that close their iterator and report I/O errors (an iterator
 * that stops on an error looks like the end of the data unless its status is checked).
 */
final class RocksScan {
  /** Called per entry; returns false to stop. */
  interface Visitor {
    boolean visit(byte[] key, byte[] value) throws RocksDBException;
  }

  private RocksScan() {}

  /**
   * Visits entries in key order from {@code seek} ({@code null}: the first entry).
   *
   * @throws RocksDBException when reading fails
   */
  static void from(RocksDB db, ColumnFamilyHandle cf, byte[] seek, Visitor visitor)
      throws RocksDBException {
    try (RocksIterator it = db.newIterator(cf)) {
      if (seek == null) {
        it.seekToFirst();
      } else {
        it.seek(seek);
      }
      for (; it.isValid(); it.next()) {
        if (!visitor.visit(it.key(), it.value())) {
          return;
        }
      }
      it.status();
    }
  }

  /**
   * Visits entries in reverse key order from the last key at or before {@code seek}.
   *
   * @throws RocksDBException when reading fails
   */
  static void backwardFrom(RocksDB db, ColumnFamilyHandle cf, byte[] seek, Visitor visitor)
      throws RocksDBException {
    try (RocksIterator it = db.newIterator(cf)) {
      it.seekForPrev(seek);
      for (; it.isValid(); it.prev()) {
        if (!visitor.visit(it.key(), it.value())) {
          return;
        }
      }
      it.status();
    }
  }

  /** The last key of a column family, or null when it is empty. */
  static byte[] lastKey(RocksDB db, ColumnFamilyHandle cf) throws RocksDBException {
    try (RocksIterator it = db.newIterator(cf)) {
      it.seekToLast();
      if (it.isValid()) {
        return it.key();
      }
      it.status();
      return null;
    }
  }
}
