package dev.atpj.store.internal;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; throws {@link IllegalArgumentException} on bad input. */
public final class ByteReader {
  private final byte[] buf;
  private int pos;

  /** A reader over {@code buf} from {@code offset}. */
  public ByteReader(byte[] buf, int offset) {
    this.buf = buf;
    this.pos = offset;
  }

  /** Reads one unsigned byte. */
  public int readByte() {
    if (pos >= buf.length) {
      throw new IllegalArgumentException("truncated record");
    }
    return buf[pos++] & 0xFF;
  }

  /** Reads an unsigned varint. */
  public long readVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  /** Reads a zigzag varint. */
  public long readZigZag() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** Reads a length-prefixed UTF-8 string. */
  public String readString() {
    long len = readVarLong();
    if (len < 0 || len > buf.length - pos) {
      throw new IllegalArgumentException("bad string length");
    }
    String s = new String(buf, pos, (int) len, StandardCharsets.UTF_8);
    pos += (int) len;
    return s;
  }

  /** The rest of the buffer as UTF-8. */
  public String readRestAsString() {
    String s = new String(buf, pos, buf.length - pos, StandardCharsets.UTF_8);
    pos = buf.length;
    return s;
  }

  /** The current position. */
  public int position() {
    return pos;
  }

  /** Whether all bytes were read. */
  public boolean atEnd() {
    return pos == buf.length;
  }
}
