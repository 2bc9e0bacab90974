package dev.atpj.protocol.command;

/**
 * {@code sync:<commitId>[:<regex>]}: the whitepaper's sync, entries after a commit id with their
 * {@code opTime} (A6, B12).
 *
 * @param commitId entries with a larger commit id are returned; -1 for all
 * @param regex a key filter, or null
 */
public record Sync(long commitId, String regex) implements Command {
  /** Validates. */
  public Sync {
    Checks.atLeast(commitId, -1, "the commit id");
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
    }
  }

  /** {@code sync:<commitId>} without a filter. */
  public Sync(long commitId) {
    this(commitId, null);
  }

  @Override
  public Verb verb() {
    return Verb.SYNC;
  }

  @Override
  public String render() {
    return "sync:" + commitId + (regex == null ? "" : ":" + regex);
  }
}
