package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import java.util.Locale;

/** Parses {@code llookup}, {@code lookup}, {@code plookup} (B8) and {@code delete} (B9). */
final class LookupCommandParser {
  private LookupCommandParser() {}

  /** {@code args} is the line after the verb. */
  static Command llookup(String args) {
    Cursor c = start(args, Verb.LLOOKUP);
    LookupShape shape = shape(c);
    return new LLookup(shape, KeyText.withOwner(keyText(c, Verb.LLOOKUP), Verb.LLOOKUP));
  }

  static Command lookup(String args) {
    Cursor c = start(args, Verb.LOOKUP);
    Boolean bypassCache = bypassCache(c, Verb.LOOKUP);
    LookupShape shape = shape(c);
    return new Lookup(bypassCache, shape, KeyText.withOwner(keyText(c, Verb.LOOKUP), Verb.LOOKUP));
  }

  static Command plookup(String args) {
    Cursor c = start(args, Verb.PLOOKUP);
    Boolean bypassCache = bypassCache(c, Verb.PLOOKUP);
    LookupShape shape = shape(c);
    AtKey key = KeyText.withOwner(keyText(c, Verb.PLOOKUP), Verb.PLOOKUP);
    return new PLookup(bypassCache, shape, key);
  }

  static Command delete(String args) {
    Cursor c = start(args, Verb.DELETE);
    String priority = null;
    if (c.hasMoreAfterNext(2) && c.accept("priority")) {
      priority = c.next().toLowerCase(Locale.ROOT);
    }
    return new Delete(priority, KeyText.parse(keyText(c, Verb.DELETE)));
  }

  private static Cursor start(String args, Verb verb) {
    if (!args.startsWith(":") || UpdateCommandParser.containsWhitespace(args)) {
      throw Checks.syntax(verb);
    }
    return new Cursor(args, 1);
  }

  private static LookupShape shape(Cursor c) {
    LookupShape shape = LookupShape.fromToken(c.peek());
    if (shape != null && c.hasMoreAfterNext(1)) {
      c.next();
      return shape;
    }
    return LookupShape.VALUE;
  }

  private static Boolean bypassCache(Cursor c, Verb verb) {
    if (!c.hasMoreAfterNext(2) || !c.accept("bypassCache")) {
      return null;
    }
    String value = c.next();
    if ("true".equalsIgnoreCase(value)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(value)) {
      return Boolean.FALSE;
    }
    throw Checks.syntax("bypassCache must be true or false. " + Checks.syntax(verb).detail());
  }

  private static String keyText(Cursor c, Verb verb) {
    String rest = c.takeRest();
    if (rest == null || rest.isEmpty()) {
      throw Checks.syntax(verb);
    }
    return rest;
  }
}
