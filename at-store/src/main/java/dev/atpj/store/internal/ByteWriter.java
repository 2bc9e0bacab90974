package dev.atpj.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with varint and string writers. Not thread-safe. */
public final class ByteWriter {
  private byte[] buf;
  private int size;

  /** A writer with an initial capacity. */
  public ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  /** Writes one byte. */
  public ByteWriter writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  /** Writes raw bytes. */
  public ByteWriter writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /** Writes an unsigned LEB128 varint (the value is treated as unsigned). */
  public ByteWriter writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
    return this;
  }

  /** Writes a signed value zigzag-encoded as a varint (small magnitudes are short). */
  public ByteWriter writeZigZag(long v) {
    return writeVarLong((v << 1) ^ (v >> 63));
  }

  /** Writes a string as varint byte length plus UTF-8. */
  public ByteWriter writeString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(b.length);
    return writeBytes(b);
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
