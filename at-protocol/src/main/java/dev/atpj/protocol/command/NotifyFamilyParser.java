package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code notify:all}, {@code notify:list}, {@code :status}, {@code :fetch}, {@code :remove}.
 */
final class NotifyFamilyParser {
  private NotifyFamilyParser() {}

  /** {@code args} is the text after {@code notify:all}. */
  static Command notifyAll(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.NOTIFY_ALL);
    }
    Cursor c = new Cursor(args, 1);
    NotifyOperation operation = null;
    MessageType messageType = null;
    MetadataOptionReader metadata = new MetadataOptionReader();
    while (c.hasMoreAfterNext(1)) {
      if (operation == null && NotifyOperation.fromWireName(c.peek()).isPresent()) {
        operation = NotifyOperation.fromWireName(c.next()).get();
      } else if (messageType == null && c.hasMoreAfterNext(2) && c.accept("messageType")) {
        messageType =
            MessageType.fromWireName(c.next()).orElseThrow(() -> Checks.syntax(Verb.NOTIFY_ALL));
      } else if (!metadata.tryRead(c, 1)) {
        break;
      }
    }
    String recipientsToken = c.next();
    if (recipientsToken == null || !c.hasNext()) {
      throw Checks.syntax(Verb.NOTIFY_ALL);
    }
    List<AtSign> recipients = new ArrayList<>();
    for (String name : recipientsToken.split(",", -1)) {
      if (name.isEmpty() || UpdateCommandParser.containsWhitespace(name)) {
        throw Checks.syntax(Verb.NOTIFY_ALL);
      }
      recipients.add(AtSign.parse(name));
    }
    String keyText = c.next();
    String value = c.takeRest();
    if (keyText.isEmpty() || value != null && value.isEmpty()) {
      throw Checks.syntax(Verb.NOTIFY_ALL);
    }
    return new NotifyAll(
        operation, messageType, metadata.result(), recipients, KeyText.parse(keyText), value);
  }

  /** {@code args} is the text after {@code notify:list}: empty, {@code :...} or {@code ...}. */
  static Command notifyList(String args) {
    if (args.isEmpty()) {
      return new NotifyList();
    }
    // The reference regex also lets "notify:list <regex>" through; read it like ":<regex>".
    Cursor c = new Cursor(args.startsWith(" ") ? args.strip() : args, args.startsWith(" ") ? 0 : 1);
    String from = null;
    String to = null;
    if (c.hasNext() && NotifyList.isDate(c.peek())) {
      from = c.next();
      if (c.hasNext() && NotifyList.isDate(c.peek())) {
        to = c.next();
      }
    }
    String regex = c.takeRest();
    if (regex != null && regex.isEmpty()) {
      throw Checks.syntax(Verb.NOTIFY_LIST);
    }
    return new NotifyList(from, to, regex);
  }

  /** {@code args} is the text after {@code notify:<sub>}: {@code :<id>}. */
  static Command byId(Verb verb, String args) {
    String id = args.startsWith(":") ? args.substring(1) : "";
    if (id.isEmpty() || UpdateCommandParser.containsWhitespace(id)) {
      throw Checks.syntax(verb);
    }
    switch (verb) {
      case NOTIFY_STATUS:
        return new NotifyStatus(id);
      case NOTIFY_FETCH:
        return new NotifyFetch(id);
      default:
        return new NotifyRemove(id);
    }
  }
}
