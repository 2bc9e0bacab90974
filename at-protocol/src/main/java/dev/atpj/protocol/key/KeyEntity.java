package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.Locale;

/**
 * Validation and canonical form of the entity part of a key ({@code phone.wavi} in {@code
 * public:phone.wavi@alice}).
 *
 * <p>Allowed: ASCII letters and digits, {@code _ . - ' * "}, letters, digits, marks and symbols
 * (emoji) of any script, the zero-width joiner and variation selectors inside emoji. Everything
 * else is rejected: {@code @}, {@code :}, whitespace, control and invisible characters, broken
 * surrogates and other punctuation such as {@code ,} (docs/protocol.md A10, B6).
 */
final class KeyEntity {
  private static final String ASCII_EXTRAS = "_.-'*\"";
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private KeyEntity() {}

  /**
   * Validates an entity and returns it lower-cased.
   *
   * @throws AtException {@link AtErrorCode#INVALID_KEY} naming the offending character
   */
  static String canonical(String entity) {
    if (entity == null || entity.isEmpty()) {
      throw new AtException(AtErrorCode.INVALID_KEY, "the key name is empty");
    }
    String lower = entity.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (!isAllowed(cp)) {
        throw new AtException(
            AtErrorCode.INVALID_KEY,
            "the key name may not contain " + describe(cp) + " (in '" + shorten(entity) + "')");
      }
      i += Character.charCount(cp);
    }
    return lower;
  }

  private static boolean isAllowed(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || ASCII_EXTRAS.indexOf(cp) >= 0;
    }
    if (cp == ZERO_WIDTH_JOINER || (cp >= 0xFE00 && cp <= 0xFE0F)) {
      return true;
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  private static String describe(int cp) {
    if (cp == '@' || cp == ':') {
      return "'" + (char) cp + "'";
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return "whitespace";
    }
    if (Character.isISOControl(cp)) {
      return String.format("control character U+%04X", cp);
    }
    if (cp < 0x80) {
      return "'" + (char) cp + "'";
    }
    return String.format("character U+%04X", cp);
  }

  /** At most 60 characters of the offending text, for error messages. */
  static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
