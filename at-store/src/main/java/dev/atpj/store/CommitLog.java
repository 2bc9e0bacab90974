package dev.atpj.store;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The commit log of one store: reads for sync, and compaction (PROTOCOL.md B12, B13). */
public interface CommitLog {

  /** The highest durable commit id, or -1 when nothing was ever committed. */
  long lastCommitId();

  /**
   * One page for {@code sync:from}: entries with a commit id above {@code afterCommitId}, in commit
   * order, only each key's latest entry. It stops at {@code limit} entries, when the next entry
   * would exceed {@code byteBudget} (key plus stored value bytes; the first entry always fits), or
   * after examining the store's page-scan limit of entries.
   *
   * @param afterCommitId return entries after this id (-1 for all)
   * @param limit the most entries to return, at least 1
   * @param byteBudget approximate most bytes
   * @param keyFilter which keys to include
   * @return the entries and the last commit id examined
   */
  CommitPage page(long afterCommitId, int limit, long byteBudget, Predicate<String> keyFilter);

  /**
   * Every entry after an id, in commit order, superseded ones included (whitepaper {@code
   * sync:<id>}).
   *
   * @param afterCommitId return entries after this id (-1 for all)
   * @param limit the most entries to return
   * @return the entries
   */
  List<CommitEntry> entriesSince(long afterCommitId, int limit);

  /**
   * The latest commit id of a key.
   *
   * @param key the canonical key
   * @return its latest commit id, or empty when the key was never committed
   */
  OptionalLong latestCommitId(String key);

  /**
   * Removes superseded entries (not the latest of their key) with ids up to {@code upToCommitId},
   * examining at most {@code maxExamined} entries from the start of the log.
   *
   * @param upToCommitId the highest id that may be removed
   * @param maxExamined the most entries to look at
   * @return how many entries were removed
   */
  CompletableFuture<Integer> compact(long upToCommitId, int maxExamined);
}
