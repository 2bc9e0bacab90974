package dev.atpj.protocol.command;

/** The notify-specific options of a {@code notify} line, read in any order, each at most once. */
final class NotifyOptions {
  String id;
  NotifyOperation operation;
  MessageType messageType;
  NotifyPriority priority;
  NotifyStrategy strategy;
  Integer latestN;
  String notifier;
  Long ttln;

  /**
   * Reads one notify option if the next token names one (and is followed by its value and more).
   *
   * @return whether an option was read
   */
  boolean tryRead(Cursor c) {
    String name = c.peek();
    if (operation == null && NotifyOperation.fromWireName(name).isPresent()) {
      operation = NotifyOperation.fromWireName(c.next()).get();
      return true;
    }
    if (!c.hasMoreAfterNext(2)) {
      return false;
    }
    if (id == null && c.accept("id")) {
      id = c.next();
    } else if (messageType == null && c.accept("messageType")) {
      messageType = MessageType.fromWireName(c.next()).orElseThrow(() -> bad("messageType"));
    } else if (priority == null && c.accept("priority")) {
      priority = NotifyPriority.fromWireName(c.next()).orElseThrow(() -> bad("priority"));
    } else if (strategy == null && c.accept("strategy")) {
      strategy = NotifyStrategy.fromWireName(c.next()).orElseThrow(() -> bad("strategy"));
    } else if (latestN == null && c.accept("latestN")) {
      latestN = Checks.smallNumber(c.next(), "latestN");
    } else if (notifier == null && c.accept("notifier")) {
      notifier = c.next();
    } else if (ttln == null && c.accept("ttln")) {
      ttln = Checks.number(c.next(), "ttln", false);
    } else {
      return false;
    }
    return true;
  }

  private static RuntimeException bad(String what) {
    return Checks.syntax(what + " has an unknown value. " + Checks.syntax(Verb.NOTIFY).detail());
  }
}
