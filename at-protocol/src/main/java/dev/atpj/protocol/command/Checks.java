package dev.atpj.protocol.command;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;

/** Argument checks shared by the command records and parsers; failures are AT0003 or AT0022. */
final class Checks {
  private Checks() {}

  /** The syntax error of a verb: {@code Invalid syntax. <usage>} (B2). */
  static AtException syntax(Verb verb) {
    return new AtException(AtErrorCode.INVALID_SYNTAX, "Invalid syntax. " + verb.usage());
  }

  /** A syntax error with a specific reason. */
  static AtException syntax(String reason) {
    return new AtException(AtErrorCode.INVALID_SYNTAX, reason);
  }

  static String nonEmpty(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw syntax(what + " is required");
    }
    return value;
  }

  /** Non-empty, without whitespace, control characters or {@code :}. */
  static String word(String value, String what) {
    nonEmpty(value, what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw syntax(what + " may not contain ':', whitespace or control characters");
      }
    }
    return value;
  }

  /** Non-empty ASCII letters, digits, {@code _} and {@code -}, as notification ids are. */
  static String id(String value, String what) {
    nonEmpty(value, what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        throw syntax(what + " may only contain letters, digits, '_' and '-'");
      }
    }
    return value;
  }

  static long atLeast(long value, long min, String what) {
    if (value < min) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, what + " must be at least " + min + ", not " + value);
    }
    return value;
  }

  /**
   * Parses a decimal number of at most {@code Long} range.
   *
   * @param text digits, with a leading {@code -} only when {@code allowMinusOne} (and then only
   *     {@code -1})
   * @throws AtException AT0003 when not a number, AT0022 when out of range
   */
  static long number(String text, String what, boolean allowMinusOne) {
    if (allowMinusOne && "-1".equals(text)) {
      return -1;
    }
    if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw syntax(what + " must be a non-negative whole number");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, what + " is out of range");
    }
  }

  /** Like {@link #number} but within {@code int} range. */
  static int smallNumber(String text, String what) {
    long value = number(text, what, false);
    if (value > Integer.MAX_VALUE) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, what + " is out of range");
    }
    return (int) value;
  }
}
