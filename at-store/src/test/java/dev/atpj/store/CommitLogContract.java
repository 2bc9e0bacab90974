package dev.atpj.store;

import static dev.atpj.store.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commit-log behaviour every store has (docs/protocol.md B12). */
public interface CommitLogContract extends StoreFixture {

  private static List<Long> ids(CommitPage page) {
    return page.entries().stream().map(CommitEntry::commitId).toList();
  }

  @Test
  default void pageHasOnlyTheLatestEntryPerKeyInCommitOrder() {
    for (int i = 0; i < 100; i++) {
      put("busy@alice", "v" + i); // ids 0..99
    }
    put("quiet@alice", "q"); // 100
    await(store().delete("gone@alice", true)); // 101
    put("busy@alice", "last"); // 102
    CommitPage page = store().commitLog().page(-1, 10, Long.MAX_VALUE, k -> true);
    assertThat(page.entries())
        .extracting(CommitEntry::key, CommitEntry::commitId, CommitEntry::op)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("quiet@alice", 100L, CommitOp.UPDATE),
            org.assertj.core.groups.Tuple.tuple("gone@alice", 101L, CommitOp.DELETE),
            org.assertj.core.groups.Tuple.tuple("busy@alice", 102L, CommitOp.UPDATE));
    assertThat(page.lastExaminedId()).isEqualTo(102);
  }

  @Test
  default void pagesContinueFromTheLastExaminedId() {
    for (int i = 0; i < 25; i++) {
      put("k" + i + "@alice", "v");
    }
    CommitPage first = store().commitLog().page(-1, 10, Long.MAX_VALUE, k -> true);
    assertThat(ids(first)).hasSize(10).startsWith(0L).endsWith(9L);
    assertThat(first.lastExaminedId()).isEqualTo(9);
    CommitPage second =
        store().commitLog().page(first.lastExaminedId(), 10, Long.MAX_VALUE, k -> true);
    assertThat(ids(second)).startsWith(10L).endsWith(19L);
    CommitPage third = store().commitLog().page(19, 10, Long.MAX_VALUE, k -> true);
    assertThat(ids(third)).hasSize(5).endsWith(24L);
    assertThat(third.lastExaminedId()).isEqualTo(24);
    CommitPage empty = store().commitLog().page(24, 10, Long.MAX_VALUE, k -> true);
    assertThat(empty.entries()).isEmpty();
    assertThat(empty.lastExaminedId()).isEqualTo(24);
  }

  @Test
  default void filteredEntriesAreExaminedButNotReturned() {
    put("public:a@alice", "1"); // 0
    put("@bob:b@alice", "2"); // 1
    put("public:c@alice", "3"); // 2
    put("@bob:d@alice", "4"); // 3
    CommitPage page = store().commitLog().page(-1, 1, Long.MAX_VALUE, k -> k.startsWith("@bob:"));
    assertThat(ids(page)).containsExactly(1L);
    assertThat(page.lastExaminedId()).isEqualTo(1);
    CommitPage rest = store().commitLog().page(1, 10, Long.MAX_VALUE, k -> k.startsWith("@bob:"));
    assertThat(ids(rest)).containsExactly(3L);
    assertThat(rest.lastExaminedId()).isEqualTo(3);
  }

  @Test
  default void byteBudgetLimitsThePageButTheFirstEntryAlwaysFits() {
    for (int i = 0; i < 5; i++) {
      put("k" + i + "@alice", "x".repeat(1000));
    }
    CommitPage page = store().commitLog().page(-1, 10, 1, k -> true);
    assertThat(ids(page)).containsExactly(0L);
    assertThat(page.lastExaminedId()).isZero();
    CommitPage two = store().commitLog().page(-1, 10, 2500, k -> true);
    assertThat(ids(two)).containsExactly(0L, 1L);
  }

  @Test
  default void pageScanLimitBoundsTheWork() {
    replaceStore(StoreConfig.DEFAULT.withPageScanLimit(10));
    for (int i = 0; i < 25; i++) {
      put("hidden" + i + "@alice", "v");
    }
    put("wanted@alice", "v"); // 25
    CommitPage page = store().commitLog().page(-1, 5, Long.MAX_VALUE, k -> k.startsWith("wanted"));
    assertThat(page.entries()).isEmpty();
    assertThat(page.lastExaminedId()).isEqualTo(9);
    CommitPage later = store().commitLog().page(19, 5, Long.MAX_VALUE, k -> k.startsWith("wanted"));
    assertThat(ids(later)).containsExactly(25L);
  }

  @Test
  default void pageNeedsAPositiveLimit() {
    assertThatThrownBy(() -> store().commitLog().page(-1, 0, 100, k -> true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void entriesSinceHasEveryEntryWithItsOpTime() {
    put("a@alice", "1");
    clock().advance(Duration.ofSeconds(1));
    await(store().put("a@alice", StoredValue.of("1"), CommitOp.UPDATE_META));
    await(store().delete("a@alice", true));
    List<CommitEntry> all = store().commitLog().entriesSince(-1, 100);
    assertThat(all)
        .containsExactly(
            new CommitEntry(0, "a@alice", CommitOp.UPDATE, T0),
            new CommitEntry(1, "a@alice", CommitOp.UPDATE_META, T0.plusSeconds(1)),
            new CommitEntry(2, "a@alice", CommitOp.DELETE, T0.plusSeconds(1)));
    assertThat(store().commitLog().entriesSince(0, 1))
        .extracting(CommitEntry::commitId)
        .containsExactly(1L);
  }

  @Test
  default void compactionRemovesSupersededEntriesOnly() {
    for (int i = 0; i < 10; i++) {
      put("a@alice", "v" + i); // 0..9
    }
    put("b@alice", "b"); // 10
    put("a@alice", "last"); // 11
    CommitPage before = store().commitLog().page(-1, 10, Long.MAX_VALUE, k -> true);
    assertThat(await(store().commitLog().compact(5, 1000))).isEqualTo(6);
    assertThat(store().commitLog().entriesSince(-1, 100))
        .extracting(CommitEntry::commitId)
        .containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(await(store().commitLog().compact(Long.MAX_VALUE, 1000))).isEqualTo(4);
    assertThat(store().commitLog().page(-1, 10, Long.MAX_VALUE, k -> true)).isEqualTo(before);
    assertThat(store().lastCommitId()).isEqualTo(11);
    assertThat(put("c@alice", "c")).isEqualTo(12);
  }

  @Test
  default void compactionStepsResumeAndSpareRecentAndLatestEntries() {
    for (int i = 0; i < 6; i++) {
      put("a@alice", "v" + i); // 0..5 at T0
    }
    clock().advance(Duration.ofHours(1));
    put("a@alice", "recent"); // 6 at T0+1h, supersedes 5
    await(store().delete("gone@alice", true)); // 7
    put("a@alice", "last"); // 8
    CommitLog log = store().commitLog();
    CommitCompaction first = await(log.compact(-1, T0.plusSeconds(1), 4));
    assertThat(first).isEqualTo(new CommitCompaction(4, 4, 3, false));
    CommitCompaction second = await(log.compact(first.lastExaminedId(), T0.plusSeconds(1), 100));
    assertThat(second).isEqualTo(new CommitCompaction(5, 2, 8, true));
    assertThat(log.entriesSince(-1, 100))
        .extracting(CommitEntry::commitId)
        .containsExactly(6L, 7L, 8L);
    assertThat(await(log.compact(-1, java.time.Instant.MAX, 100)).removed()).isEqualTo(1);
    assertThat(log.entriesSince(-1, 100)).extracting(CommitEntry::commitId).containsExactly(7L, 8L);
    assertThat(log.approximateEntryCount()).isBetween(0L, 10L);
  }

  @Test
  default void lastCommitIdWhereScansBackwards() {
    assertThat(store().commitLog().lastCommitIdWhere(k -> true)).isEqualTo(-1);
    put("public:a@alice", "1"); // 0
    put("@bob:b@alice", "2"); // 1
    put("c@alice", "3"); // 2
    assertThat(store().commitLog().lastCommitIdWhere(k -> k.startsWith("public:"))).isEqualTo(0);
    assertThat(store().commitLog().lastCommitIdWhere(k -> k.contains("bob"))).isEqualTo(1);
    assertThat(store().commitLog().lastCommitIdWhere(k -> true)).isEqualTo(2);
    assertThat(store().commitLog().lastCommitIdWhere(k -> false)).isEqualTo(-1);
  }
}
