package dev.atpj.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Binary keys whose byte order (unsigned, as RocksDB compares) is the wanted order. */
public final class OrderedBytes {
  private OrderedBytes() {}

  /** 8 bytes whose unsigned order is the signed order of {@code v}. */
  public static byte[] ofLong(long v) {
    return withLong(v, new byte[0]);
  }

  /** {@link #ofLong(long)} followed by {@code suffix}. */
  public static byte[] withLong(long v, byte[] suffix) {
    long u = v ^ Long.MIN_VALUE;
    byte[] out = new byte[8 + suffix.length];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) u;
      u >>>= 8;
    }
    System.arraycopy(suffix, 0, out, 8, suffix.length);
    return out;
  }

  /** The long at the start of a key made by {@link #withLong}. */
  public static long readLong(byte[] key) {
    if (key.length < 8) {
      throw new IllegalArgumentException("key too short");
    }
    long u = 0;
    for (int i = 0; i < 8; i++) {
      u = (u << 8) | (key[i] & 0xFF);
    }
    return u ^ Long.MIN_VALUE;
  }

  /** The UTF-8 suffix after the 8-byte long. */
  public static String readSuffix(byte[] key) {
    return new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
  }

  /** UTF-8 bytes of a string. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A string from UTF-8 bytes. */
  public static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Whether {@code key} starts with {@code prefix}. */
  public static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
