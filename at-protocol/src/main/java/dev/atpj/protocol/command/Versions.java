package dev.atpj.protocol.command;

/** Compares dotted version numbers such as {@code 3.0.57} numerically, part by part. */
final class Versions {
  private Versions() {}

  /**
   * Compares two versions. Each dot-separated part counts by its leading digits ({@code 57-beta} is
   * 57, no digits is 0); missing parts are 0.
   *
   * @return negative, zero or positive as {@code a} is older, equal or newer than {@code b}
   */
  static int compare(String a, String b) {
    String[] left = a.trim().split("\\.", -1);
    String[] right = b.trim().split("\\.", -1);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long l = i < left.length ? leadingNumber(left[i]) : 0;
      long r = i < right.length ? leadingNumber(right[i]) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }

  private static long leadingNumber(String part) {
    long value = 0;
    for (int i = 0; i < part.length() && i < 18; i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
