package dev.atpj.protocol.command;

/**
 * Reads colon-separated tokens from a command's argument text, remembering where the unread rest
 * starts (values and regexes run to the end of the line and may contain colons).
 */
final class Cursor {
  private final String text;
  private int pos;

  /** A cursor over {@code text} starting at {@code pos}. */
  Cursor(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  /** Whether another token (possibly empty) can be read. */
  boolean hasNext() {
    return pos <= text.length();
  }

  /** The next token without consuming it, or null when none is left. */
  String peek() {
    if (!hasNext()) {
      return null;
    }
    int colon = text.indexOf(':', pos);
    return colon < 0 ? text.substring(pos) : text.substring(pos, colon);
  }

  /** Consumes the next token (up to the next colon or the end), or returns null when none. */
  String next() {
    if (!hasNext()) {
      return null;
    }
    int colon = text.indexOf(':', pos);
    String token;
    if (colon < 0) {
      token = text.substring(pos);
      pos = text.length() + 1;
    } else {
      token = text.substring(pos, colon);
      pos = colon + 1;
    }
    return token;
  }

  /** Consumes the next token if it equals {@code word}, ignoring case. */
  boolean accept(String word) {
    String token = peek();
    if (token != null && token.equalsIgnoreCase(word)) {
      next();
      return true;
    }
    return false;
  }

  /** Whether at least {@code count} more tokens follow the next one. */
  boolean hasMoreAfterNext(int count) {
    if (!hasNext()) {
      return false;
    }
    int found = 0;
    for (int i = pos; i < text.length() && found < count; i++) {
      if (text.charAt(i) == ':') {
        found++;
      }
    }
    return found >= count;
  }

  /** The unread rest, from the next token to the end, or null when nothing is left. */
  String rest() {
    return hasNext() ? text.substring(pos) : null;
  }

  /** Consumes everything left. */
  String takeRest() {
    String rest = rest();
    pos = text.length() + 1;
    return rest;
  }
}
