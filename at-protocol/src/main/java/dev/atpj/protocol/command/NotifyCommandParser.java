package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;

/**
 * Parses {@code notify} (B11). Options are read up to the recipient token ({@code public} or
 * {@code @<to>}); after it comes the key and optional value, or the text of a text message.
 */
final class NotifyCommandParser {
  private NotifyCommandParser() {}

  /** {@code args} is the line after {@code notify}. */
  static Command notify(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.NOTIFY);
    }
    Cursor c = new Cursor(args, 1);
    NotifyOptions o = new NotifyOptions();
    MetadataOptionReader metadata = new MetadataOptionReader();
    while (true) {
      String token = c.peek();
      if (token == null) {
        throw Checks.syntax(Verb.NOTIFY);
      }
      if (token.equalsIgnoreCase("public") || token.startsWith("@")) {
        break;
      }
      if (!o.tryRead(c) && !metadata.tryRead(c, 1)) {
        throw Checks.syntax(Verb.NOTIFY);
      }
    }
    String recipientToken = c.next();
    AtSign recipient =
        recipientToken.equalsIgnoreCase("public") ? null : AtSign.parse(recipientToken);
    String rest = c.takeRest();
    if (rest == null || rest.isEmpty()) {
      throw Checks.syntax(Verb.NOTIFY);
    }
    AtKey key = null;
    String text = null;
    String value = null;
    if (o.messageType == MessageType.TEXT) {
      text = rest;
    } else {
      int colon = rest.indexOf(':');
      String keyText = colon < 0 ? rest : rest.substring(0, colon);
      value = colon < 0 ? null : rest.substring(colon + 1);
      if (value != null && value.isEmpty()) {
        throw Checks.syntax(Verb.NOTIFY);
      }
      String prefix = recipient == null ? "public:" : recipient + ":";
      key = KeyText.parse(prefix + keyText);
    }
    return new Notify(
        o.id,
        o.operation,
        o.messageType,
        o.priority,
        o.strategy,
        o.latestN,
        o.notifier,
        o.ttln,
        metadata.result(),
        recipient,
        key,
        text,
        value);
  }
}
