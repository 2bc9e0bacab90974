package dev.atpj.store.internal;

import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The {@code sync:from} paging algorithm, shared by every store so their semantics match. */
public final class CommitPager {
  /** Bytes counted per entry besides its key and value (JSON framing, commit id, op). */
  public static final int ENTRY_OVERHEAD_BYTES = 64;

  /** What the pager needs from a store. */
  public interface Source {
    /** Visits entries with id above {@code after} in commit order until the visitor says stop. */
    void forEachAfter(long after, Predicate<CommitEntry> visitor);

    /** The latest commit id of a key, or -1. */
    long latestIdOf(String key);

    /** The encoded size of the key's stored value, or 0 when absent. */
    long valueSize(String key);
  }

  private CommitPager() {}

  /** See {@link dev.atpj.store.CommitLog#page}. */
  public static CommitPage page(
      Source source,
      long after,
      int limit,
      long byteBudget,
      int scanLimit,
      Predicate<String> keyFilter) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1");
    }
    List<CommitEntry> out = new ArrayList<>(Math.min(limit, 64));
    long[] lastExamined = {after};
    long[] bytes = {0};
    int[] examined = {0};
    // Each key's latest id, read once per call: a busy key rewritten many times in a row would
    // otherwise cost a point lookup per entry. Bounded by the scan limit.
    Map<String, Long> latest = new HashMap<>();
    source.forEachAfter(
        after,
        e -> {
          if (examined[0]++ >= scanLimit) {
            return false;
          }
          long latestId = latest.computeIfAbsent(e.key(), source::latestIdOf);
          if (latestId == e.commitId() && keyFilter.test(e.key())) {
            long size =
                ENTRY_OVERHEAD_BYTES
                    + OrderedBytes.utf8(e.key()).length
                    + source.valueSize(e.key());
            if (!out.isEmpty() && bytes[0] + size > byteBudget) {
              return false;
            }
            out.add(e);
            bytes[0] += size;
          }
          lastExamined[0] = e.commitId();
          return out.size() < limit;
        });
    return new CommitPage(out, lastExamined[0]);
  }
}
