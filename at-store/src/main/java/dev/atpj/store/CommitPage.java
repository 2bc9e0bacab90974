package dev.atpj.store;

import java.util.List;

/**
 * One page of the commit log for {@code sync:from} (docs/protocol.md B12).
 *
 * @param entries the latest entry of each matching key, in commit order
 * @param lastExaminedId the highest commit id looked at (returned or skipped because it was
 *     superseded or filtered out); continue with {@code page(lastExaminedId, ...)}. It equals the
 *     requested {@code afterCommitId} when nothing was examined.
 */
public record CommitPage(List<CommitEntry> entries, long lastExaminedId) {

  /** Copies the entries. */
  public CommitPage {
    entries = List.copyOf(entries);
  }
}
