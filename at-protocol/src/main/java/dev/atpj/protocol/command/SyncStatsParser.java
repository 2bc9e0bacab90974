package dev.atpj.protocol.command;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code sync} (B12) and {@code stats} (B13). */
final class SyncStatsParser {
  private SyncStatsParser() {}

  /** {@code args} is the line after {@code sync}. */
  static Command sync(String args) {
    if (!args.startsWith(":") || UpdateCommandParser.containsWhitespace(args)) {
      throw Checks.syntax(Verb.SYNC);
    }
    Cursor c = new Cursor(args, 1);
    if (c.accept("from")) {
      long from = Checks.number(c.next(), "the commit id", true);
      if (!c.accept("limit")) {
        throw Checks.syntax(Verb.SYNC);
      }
      int limit = Checks.smallNumber(c.next(), "limit");
      return new SyncFrom(from, limit, regex(c));
    }
    long commitId = Checks.number(c.next(), "the commit id", true);
    return new Sync(commitId, regex(c));
  }

  private static String regex(Cursor c) {
    String regex = c.takeRest();
    if (regex != null && regex.isEmpty()) {
      throw Checks.syntax(Verb.SYNC);
    }
    return regex;
  }

  /** {@code args} is the line after {@code stats}. */
  static Command stats(String args) {
    if (args.isEmpty()) {
      return new Stats();
    }
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.STATS);
    }
    Cursor c = new Cursor(args, 1);
    String idList = c.next();
    List<Integer> ids = new ArrayList<>();
    if (!idList.isEmpty()) {
      for (String id : idList.split(",", -1)) {
        ids.add(Checks.smallNumber(id, "a stats id"));
      }
    }
    String regex = c.takeRest();
    if (regex != null && (regex.isEmpty() || ids.isEmpty())) {
      throw Checks.syntax(Verb.STATS);
    }
    return new Stats(ids, regex);
  }
}
