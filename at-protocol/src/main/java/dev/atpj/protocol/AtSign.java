package dev.atpj.protocol;

/**
 * An atSign such as {@code @alice}: the identity of a person, entity or thing.
 *
 * <p>Rules (whitepaper "atSign characters"; docs/protocol.md Part A §10): UTF-8 and emoji are
 * allowed; Latin letters are case-insensitive and stored lower-case; whitespace, control and
 * invisible characters are rejected, and so are the reserved characters {@code ! * ' ( ) ; : @ & =
 * + $ , / ? # [ ] { }}. A leading {@code @} is optional on input and always present when rendered.
 * Every instance that exists is valid and canonical.
 *
 * @param name the canonical name without the leading {@code @}, e.g. {@code alice}
 */
public record AtSign(String name) implements Comparable<AtSign> {
  /** The longest name accepted, in code points (the reference allows 55 characters). */
  public static final int MAX_LENGTH = 55;

  private static final String RESERVED = "!*'();:@&=+$,/?#[]{}";
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int KEYCAP = 0x20E3;

  /** Validates and canonicalises; use {@link #parse} for input that may carry an {@code @}. */
  public AtSign {
    if (name == null) {
      throw invalid("", "an atSign is required");
    }
    String canonical = canonicalName(name);
    if (!canonical.equals(name)) {
      name = canonical;
    }
  }

  /**
   * Parses an atSign typed by a person or sent on the wire.
   *
   * @param text {@code alice}, {@code @alice} or {@code @Alice}
   * @return the canonical atSign
   * @throws AtException with {@link AtErrorCode#INVALID_SYNTAX} when the text is not a valid atSign
   */
  public static AtSign parse(String text) {
    if (text == null) {
      throw invalid("", "an atSign is required");
    }
    String body = text.startsWith("@") ? text.substring(1) : text;
    return new AtSign(body);
  }

  /**
   * Tells whether text is a valid atSign, without throwing.
   *
   * @param text the candidate, with or without {@code @}
   * @return true when {@link #parse} would accept it
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (AtException e) {
      return false;
    }
  }

  /** The atSign with its leading {@code @}, e.g. {@code @alice}. */
  @Override
  public String toString() {
    return "@" + name;
  }

  @Override
  public int compareTo(AtSign other) {
    return name.compareTo(other.name);
  }

  private static String canonicalName(String name) {
    if (name.isEmpty()) {
      throw invalid(name, "an atSign needs at least one character after @");
    }
    if (isCanonicalAscii(name)) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    int count = 0;
    int previous = -1;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      checkCodePoint(name, cp, previous, i < name.length() ? name.codePointAt(i) : -1);
      out.appendCodePoint(isLatin(cp) ? Character.toLowerCase(cp) : cp);
      previous = cp;
    }
    if (count > MAX_LENGTH) {
      throw invalid(name, "an atSign has at most " + MAX_LENGTH + " characters");
    }
    return out.toString();
  }

  /** The common case, checked without Unicode tables: lower-case ASCII letters, digits, - _ . */
  private static boolean isCanonicalAscii(String name) {
    if (name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  private static void checkCodePoint(String name, int cp, int previous, int next) {
    if (cp < 0x80 && RESERVED.indexOf(cp) >= 0) {
      throw invalid(name, "'" + (char) cp + "' is a reserved character");
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      throw invalid(name, "whitespace is not allowed");
    }
    if (Character.isISOControl(cp)) {
      throw invalid(name, String.format("control character U+%04X is not allowed", cp));
    }
    if (Character.isSurrogate((char) (cp & 0xFFFF)) && cp <= 0xFFFF) {
      throw invalid(name, "broken UTF-16 surrogate");
    }
    int type = Character.getType(cp);
    if (type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE) {
      throw invalid(name, String.format("character U+%04X is not allowed", cp));
    }
    if (type == Character.FORMAT || type == Character.NON_SPACING_MARK && isVariationSelector(cp)) {
      // Invisible characters are only allowed inside emoji sequences (joiners, variation
      // selectors).
      boolean emojiGlue =
          (cp == ZERO_WIDTH_JOINER && isEmojiLike(previous) && isEmojiLike(next))
              || (isVariationSelector(cp) && previous != -1 && !isLatin(previous));
      if (!emojiGlue) {
        throw invalid(name, String.format("invisible character U+%04X is not allowed", cp));
      }
    }
  }

  private static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isEmojiLike(int cp) {
    if (cp < 0) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL
        || type == Character.MODIFIER_SYMBOL
        || isVariationSelector(cp)
        || cp == KEYCAP;
  }

  private static boolean isLatin(int cp) {
    return Character.isLetter(cp)
        && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }

  private static AtException invalid(String name, String reason) {
    return new AtException(AtErrorCode.INVALID_SYNTAX, "invalid atSign '@" + name + "': " + reason);
  }
}
