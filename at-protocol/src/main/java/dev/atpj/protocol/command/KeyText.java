package dev.atpj.protocol.command;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;

/** Key parsing inside commands: a malformed layout is a syntax error (AT0003), bad names AT0016. */
final class KeyText {
  private KeyText() {}

  static AtKey parse(String text) {
    return AtKey.parse(text, AtErrorCode.INVALID_SYNTAX);
  }

  /** A key that must name its owner ({@code privatekey:} keys never do and are accepted). */
  static AtKey withOwner(String text, Verb verb) {
    AtKey key = parse(text);
    if (key.owner() == null && key.visibility() != KeyVisibility.PRIVATEKEY) {
      throw Checks.syntax("the key needs @<atSign>. " + Checks.syntax(verb).detail());
    }
    return key;
  }
}
