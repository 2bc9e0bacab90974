package dev.atpj.server.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A client's key filter ({@code scan <regex>}, docs/protocol.md B10), applied as a search (not a
 * full match) with a bounded cost: the pattern is at most {@value #MAX_LENGTH} characters long, and
 * matching one key may read its characters at most {@value #MAX_STEPS_PER_KEY} times, so that a
 * pattern with catastrophic backtracking fails with AT0022 instead of occupying an event loop.
 */
public final class KeyPattern {
  /** Longest pattern accepted. */
  public static final int MAX_LENGTH = 1024;

  /** Character reads allowed when matching one key. */
  public static final int MAX_STEPS_PER_KEY = 200_000;

  private static final KeyPattern ANY = new KeyPattern(null);

  private final Pattern pattern;

  private KeyPattern(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * Compiles a filter.
   *
   * @param regex the regular expression, or null to match every key
   * @return the filter
   * @throws AtException AT0022 for an invalid or over-long pattern
   */
  public static KeyPattern compile(String regex) {
    if (regex == null) {
      return ANY;
    }
    if (regex.length() > MAX_LENGTH) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "the regex is longer than " + MAX_LENGTH + " characters");
    }
    try {
      return new KeyPattern(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "invalid regex: " + e.getDescription());
    }
  }

  /**
   * Whether the pattern occurs in the key.
   *
   * @param key the key name
   * @return true when it matches somewhere (always for no pattern)
   * @throws AtException AT0022 when matching costs too much
   */
  public boolean find(String key) {
    if (pattern == null) {
      return true;
    }
    try {
      return pattern.matcher(new Budgeted(key)).find();
    } catch (TooExpensive e) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "the regex is too expensive to evaluate; simplify it");
    } catch (StackOverflowError e) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "the regex is too deeply nested to evaluate; simplify it");
    }
  }

  /** Thrown when the budget is spent; no stack trace. */
  private static final class TooExpensive extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooExpensive() {
      super(null, null, false, false);
    }
  }

  /** A key's characters that may be read only {@link #MAX_STEPS_PER_KEY} times in total. */
  private static final class Budgeted implements CharSequence {
    private final String text;
    private int budget = MAX_STEPS_PER_KEY;

    Budgeted(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (--budget < 0) {
        throw new TooExpensive();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
