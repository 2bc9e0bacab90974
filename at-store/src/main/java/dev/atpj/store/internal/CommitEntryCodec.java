package dev.atpj.store.internal;

import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import java.time.Instant;

/**
 * Binary form of a commit-log entry. The RocksDB key is the commit id ({@link OrderedBytes}); the
 * value is a version byte, the op symbol, the op time as zigzag epoch millis, then the key's UTF-8.
 */
public final class CommitEntryCodec {
  private static final int VERSION = 1;

  private CommitEntryCodec() {}

  /** The value bytes of an entry (the id is the RocksDB key). */
  public static byte[] encodeValue(String key, CommitOp op, Instant opTime) {
    return new ByteWriter(16 + key.length())
        .writeByte(VERSION)
        .writeByte(op.symbol())
        .writeZigZag(opTime.toEpochMilli())
        .writeBytes(OrderedBytes.utf8(key))
        .toByteArray();
  }

  /** Decodes an entry from its RocksDB key and value. */
  public static CommitEntry decode(byte[] idKey, byte[] value) {
    ByteReader r = new ByteReader(value, 0);
    int version = r.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown commit entry format " + version);
    }
    char symbol = (char) r.readByte();
    CommitOp op =
        CommitOp.fromSymbol(symbol)
            .orElseThrow(() -> new IllegalArgumentException("unknown commit op"));
    Instant opTime = Instant.ofEpochMilli(r.readZigZag());
    return new CommitEntry(OrderedBytes.readLong(idKey), r.readRestAsString(), op, opTime);
  }
}
