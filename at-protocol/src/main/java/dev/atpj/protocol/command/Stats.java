package dev.atpj.protocol.command;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code stats[:<id>[,<id>...]][:<regex>]}: server statistics (B13). No ids means all; a regex is
 * allowed only for the single id 3 or 15.
 *
 * @param ids the statistic ids wanted, each at least 1; empty for all
 * @param regex a key filter for id 3 or 15, or null
 */
public record Stats(List<Integer> ids, String regex) implements Command {
  /** Validates. */
  public Stats {
    ids = ids == null ? List.of() : List.copyOf(ids);
    for (int id : ids) {
      Checks.atLeast(id, 1, "a stats id");
    }
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
      if (!ids.equals(List.of(3)) && !ids.equals(List.of(15))) {
        throw Checks.syntax("a stats regex is only allowed for id 3 or 15");
      }
    }
  }

  /** All statistics: a bare {@code stats}. */
  public Stats() {
    this(List.of(), null);
  }

  @Override
  public Verb verb() {
    return Verb.STATS;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("stats");
    if (!ids.isEmpty()) {
      out.append(':').append(ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    if (regex != null) {
      out.append(':').append(regex);
    }
    return out.toString();
  }
}
