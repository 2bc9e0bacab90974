package dev.atpj.store;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The commit log of one store: reads for sync, and compaction (docs/protocol.md B12, B13). */
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

  /**
   * One bounded, resumable compaction step: removes entries after {@code afterCommitId} that are
   * superseded (not the latest entry of their key) and older than {@code supersededBefore},
   * examining at most {@code maxExamined} entries. The latest entry of every key, deleted or not,
   * is never removed. Callers continue from {@link CommitCompaction#lastExaminedId()} until {@link
   * CommitCompaction#done()}.
   *
   * @param afterCommitId examine entries after this id (-1 from the start)
   * @param supersededBefore only superseded entries whose opTime is before this go ({@link
   *     Instant#MAX} for every superseded entry)
   * @param maxExamined the most entries to look at, at least 1
   * @return what the step did
   */
  CompletableFuture<CommitCompaction> compact(
      long afterCommitId, Instant supersededBefore, int maxExamined);

  /**
   * The highest commit id whose key matches a filter (B13 {@code stats:3:<regex>}), scanning from
   * the newest entry backwards. The newest matching entry is always its key's latest.
   *
   * @param keyFilter which keys count
   * @return the id, or -1 when no entry matches
   */
  long lastCommitIdWhere(Predicate<String> keyFilter);

  /** The number of entries in the log (approximate for persistent stores). */
  long approximateEntryCount();
}
