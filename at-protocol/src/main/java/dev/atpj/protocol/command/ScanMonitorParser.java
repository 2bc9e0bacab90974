package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;

/**
 * Parses {@code scan} (B10) and {@code monitor} (B11): colon options, then an optional regex after
 * the first space. Options are accepted in any order and rendered in the reference order.
 */
final class ScanMonitorParser {
  private ScanMonitorParser() {}

  /** {@code args} is the line after {@code scan}. */
  static Command scan(String args) {
    int space = args.indexOf(' ');
    String head = space < 0 ? args : args.substring(0, space);
    String regex = regex(args, space, Verb.SCAN);
    Boolean showHidden = null;
    AtSign forAtSign = null;
    Integer page = null;
    Cursor c = start(head, Verb.SCAN);
    while (c.hasNext()) {
      String token = c.next();
      if (showHidden == null && token.equalsIgnoreCase("showhidden") && c.hasNext()) {
        showHidden = bool(c.next(), Verb.SCAN);
      } else if (forAtSign == null && token.startsWith("@")) {
        forAtSign = AtSign.parse(token);
      } else if (page == null && token.equalsIgnoreCase("page") && c.hasNext()) {
        page = Checks.smallNumber(c.next(), "page");
      } else {
        throw Checks.syntax(Verb.SCAN);
      }
    }
    return new Scan(showHidden, forAtSign, page, regex);
  }

  /** {@code args} is the line after {@code monitor}. */
  static Command monitor(String args) {
    int space = args.indexOf(' ');
    String head = space < 0 ? args : args.substring(0, space);
    String regex = regex(args, space, Verb.MONITOR);
    boolean strict = false;
    boolean self = false;
    boolean multiplexed = false;
    Long epochMillis = null;
    Cursor c = start(head, Verb.MONITOR);
    while (c.hasNext()) {
      String token = c.next();
      if (!strict && token.equalsIgnoreCase("strict")) {
        strict = true;
      } else if (!self && token.equalsIgnoreCase("selfNotifications")) {
        self = true;
        if (c.accept("disable")) {
          self = false;
        } else {
          c.accept("enable");
        }
      } else if (!multiplexed && token.equalsIgnoreCase("multiplexed")) {
        multiplexed = true;
      } else if (epochMillis == null && !token.isEmpty() && Character.isDigit(token.charAt(0))) {
        epochMillis = Checks.number(token, "epochMillis", false);
      } else {
        throw Checks.syntax(Verb.MONITOR);
      }
    }
    return new Monitor(strict, self, multiplexed, epochMillis, regex);
  }

  private static Cursor start(String head, Verb verb) {
    if (head.isEmpty()) {
      return new Cursor("", 1);
    }
    if (!head.startsWith(":")) {
      throw Checks.syntax(verb);
    }
    return new Cursor(head, 1);
  }

  private static String regex(String args, int space, Verb verb) {
    if (space < 0) {
      return null;
    }
    String regex = args.substring(space + 1);
    if (regex.isEmpty()) {
      throw Checks.syntax(verb);
    }
    return regex;
  }

  static Boolean bool(String value, Verb verb) {
    if ("true".equalsIgnoreCase(value)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(value)) {
      return Boolean.FALSE;
    }
    throw Checks.syntax(verb);
  }
}
