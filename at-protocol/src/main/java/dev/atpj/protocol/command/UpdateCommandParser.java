package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;

/** Parses {@code update}, {@code update:json} and {@code update:meta} (B7). */
final class UpdateCommandParser {
  private UpdateCommandParser() {}

  /** {@code args} is the line after {@code update}. */
  static Command update(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.UPDATE);
    }
    int space = args.indexOf(' ');
    if (space < 0 || space == args.length() - 1) {
      throw Checks.syntax(Verb.UPDATE);
    }
    String head = args.substring(0, space);
    String value = args.substring(space + 1);
    Cursor c = new Cursor(head, 1);
    boolean noCommit = noCommit(c);
    MetadataOptionReader options = new MetadataOptionReader();
    while (options.tryRead(c, 1)) {
      // options come first, in any order
    }
    String keyText = c.takeRest();
    if (keyText == null || keyText.isEmpty()) {
      throw Checks.syntax(Verb.UPDATE);
    }
    return new Update(options.result(), KeyText.parse(keyText), value, noCommit);
  }

  /** {@code json} is the text after {@code update:json:}. */
  static Command updateJson(String json) {
    return new UpdateJson(json);
  }

  /** {@code args} is the text after {@code update:meta}. */
  static Command updateMeta(String args) {
    if (!args.startsWith(":") || containsWhitespace(args)) {
      throw Checks.syntax(Verb.UPDATE_META);
    }
    Cursor c = new Cursor(args, 1);
    boolean noCommit = noCommit(c);
    StringBuilder keyText = new StringBuilder();
    if (c.accept("cached")) {
      keyText.append("cached:");
    }
    String visibility = c.peek();
    if (isVisibilityWord(visibility) && c.hasMoreAfterNext(1)) {
      keyText.append(c.next()).append(':');
    }
    String shared = c.peek();
    if (shared != null && shared.startsWith("@") && c.hasMoreAfterNext(1)) {
      keyText.append(c.next()).append(':');
    }
    String name = c.next();
    if (name == null || name.isEmpty()) {
      throw Checks.syntax(Verb.UPDATE_META);
    }
    keyText.append(name);
    AtKey key = KeyText.parse(keyText.toString());
    MetadataOptionReader options = new MetadataOptionReader();
    while (c.hasNext()) {
      if (!options.tryRead(c, 0)) {
        throw Checks.syntax(Verb.UPDATE_META);
      }
    }
    return new UpdateMeta(key, options.result(), noCommit);
  }

  /** Consumes a leading {@code nc} flag (at_commons {@code (:nc(?<noCommit>))?}), never a key. */
  private static boolean noCommit(Cursor c) {
    if ("nc".equals(c.peek()) && c.hasMoreAfterNext(1)) {
      c.next();
      return true;
    }
    return false;
  }

  private static boolean isVisibilityWord(String token) {
    return "public".equalsIgnoreCase(token)
        || "private".equalsIgnoreCase(token)
        || "privatekey".equalsIgnoreCase(token)
        || "local".equalsIgnoreCase(token);
  }

  static boolean containsWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
