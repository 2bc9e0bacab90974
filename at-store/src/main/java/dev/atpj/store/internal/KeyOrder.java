package dev.atpj.store.internal;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes and so the order
 * RocksDB iterates in. {@link String#compareTo} differs for characters above U+FFFF.
 */
public final class KeyOrder {
  /** The code-point comparator. */
  public static final Comparator<String> CODE_POINT = KeyOrder::compare;

  private KeyOrder() {}

  /** Compares two strings by code point. */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
