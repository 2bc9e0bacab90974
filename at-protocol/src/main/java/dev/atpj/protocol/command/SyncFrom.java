package dev.atpj.protocol.command;

/**
 * {@code sync:from:<commitId|-1>:limit:<n>[:<regex>]}: a page of changes after a commit id, the
 * latest entry per key (B12). The limit is mandatory.
 *
 * @param fromCommitId entries with a larger commit id are returned; -1 for all
 * @param limit the most entries wanted
 * @param regex a key filter, or null
 */
public record SyncFrom(long fromCommitId, int limit, String regex) implements Command {
  /** Validates. */
  public SyncFrom {
    Checks.atLeast(fromCommitId, -1, "the commit id");
    Checks.atLeast(limit, 0, "limit");
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
    }
  }

  @Override
  public Verb verb() {
    return Verb.SYNC;
  }

  @Override
  public String render() {
    return "sync:from:" + fromCommitId + ":limit:" + limit + (regex == null ? "" : ":" + regex);
  }
}
