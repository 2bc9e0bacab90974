package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import java.util.List;

/**
 * Splits a key name into its parts by hand (no regular expressions): optional {@code cached:}, a
 * visibility prefix or {@code @<other>:}, the entity, and an optional {@code @<owner>}.
 */
final class AtKeyParser {
  private static final String CACHED = "cached:";

  /** Visibilities with a literal prefix, longest-first where one prefix starts another. */
  private static final List<KeyVisibility> PREFIXED =
      List.of(
          KeyVisibility.PUBLIC,
          KeyVisibility.PRIVATEKEY,
          KeyVisibility.PRIVATE,
          KeyVisibility.LOCAL);

  private AtKeyParser() {}

  static AtKey parse(String text, AtErrorCode malformedCode) {
    if (text == null || text.isEmpty()) {
      throw new AtException(malformedCode, "a key is required");
    }
    int pos = 0;
    boolean cached = startsWith(text, pos, CACHED);
    if (cached) {
      pos += CACHED.length();
    }
    KeyVisibility visibility = KeyVisibility.SELF;
    for (KeyVisibility candidate : PREFIXED) {
      if (startsWith(text, pos, candidate.prefix())) {
        visibility = candidate;
        pos += candidate.prefix().length();
        break;
      }
    }
    AtSign sharedWith = null;
    boolean mayShare = visibility == KeyVisibility.SELF || visibility == KeyVisibility.PRIVATE;
    if (mayShare && pos < text.length() && text.charAt(pos) == '@') {
      int colon = text.indexOf(':', pos);
      if (colon < 0) {
        throw malformed(malformedCode, text, "expected ':' after the atSign it is shared with");
      }
      sharedWith = atSign(text.substring(pos + 1, colon), text, malformedCode);
      pos = colon + 1;
      if (visibility == KeyVisibility.SELF) {
        visibility = KeyVisibility.SHARED;
      }
    }
    if (cached && visibility != KeyVisibility.PUBLIC && visibility != KeyVisibility.SHARED) {
      throw malformed(malformedCode, text, "cached: must be followed by public: or @<atSign>:");
    }
    return finish(text, pos, cached, visibility, sharedWith, malformedCode);
  }

  private static AtKey finish(
      String text,
      int pos,
      boolean cached,
      KeyVisibility visibility,
      AtSign sharedWith,
      AtErrorCode malformedCode) {
    String rest = text.substring(pos);
    if (rest.indexOf(':') >= 0) {
      throw malformed(malformedCode, text, "unexpected ':'");
    }
    int at = rest.indexOf('@');
    String entity = at < 0 ? rest : rest.substring(0, at);
    if (entity.isEmpty()) {
      throw malformed(malformedCode, text, "the key name is empty");
    }
    AtSign owner = null;
    if (at >= 0) {
      if (rest.indexOf('@', at + 1) >= 0) {
        throw malformed(malformedCode, text, "more than one '@' after the key name");
      }
      owner = atSign(rest.substring(at + 1), text, malformedCode);
    }
    if (cached && owner == null) {
      throw malformed(malformedCode, text, "a cached key needs @<owner>");
    }
    return new AtKey(cached, visibility, sharedWith, entity, owner);
  }

  private static AtSign atSign(String name, String text, AtErrorCode malformedCode) {
    if (name.isEmpty()) {
      throw malformed(malformedCode, text, "an atSign is empty");
    }
    try {
      return AtSign.parse(name);
    } catch (AtException e) {
      throw new AtException(AtErrorCode.INVALID_KEY, e.detail());
    }
  }

  private static boolean startsWith(String text, int pos, String prefix) {
    return !prefix.isEmpty() && text.regionMatches(true, pos, prefix, 0, prefix.length());
  }

  private static AtException malformed(AtErrorCode code, String text, String reason) {
    return new AtException(code, "malformed key '" + KeyEntity.shorten(text) + "': " + reason);
  }
}
