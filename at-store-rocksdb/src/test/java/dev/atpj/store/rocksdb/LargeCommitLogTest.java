package dev.atpj.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.CommitPage;
import dev.atpj.store.MutableClock;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.SyncPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store with a large commit log reopens without scanning it (the last commit id comes from one
 * seek) and pages from its middle. No timing assertions: the work is bounded by construction.
 */
class LargeCommitLogTest {
  private static final int ENTRIES = 200_000;
  private static final int KEYS = 50_000;

  @TempDir Path dir;

  @Test
  void reopensAndPagesFromTheMiddle() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    StoreConfig fast = StoreConfig.DEFAULT.withSyncPolicy(SyncPolicy.NONE);
    try (StoreEnvironment env = new StoreEnvironment()) {
      try (AtStore store = env.open(dir, fast, clock)) {
        for (int start = 0; start < ENTRIES; start += 1000) {
          List<Mutation> batch = new ArrayList<>(1000);
          for (int i = start; i < start + 1000; i++) {
            batch.add(new Mutation.Put(key(i), StoredValue.of("v" + i), CommitOp.UPDATE));
          }
          store.apply(batch).join();
        }
      }
      try (RocksDbAtStore store = env.open(dir, StoreConfig.DEFAULT, clock)) {
        assertThat(store.lastCommitId()).isEqualTo(ENTRIES - 1);
        // Entries 120,001..149,999 are superseded (their keys were rewritten 50,000 ids later):
        // the first call stops at the page-scan limit; the caller continues from where it stopped.
        CommitPage skipped = store.commitLog().page(120_000, 10, Long.MAX_VALUE, k -> true);
        assertThat(skipped.entries()).isEmpty();
        assertThat(skipped.lastExaminedId())
            .isEqualTo(120_000 + StoreConfig.DEFAULT_PAGE_SCAN_LIMIT);
        CommitPage page =
            store.commitLog().page(skipped.lastExaminedId(), 10, Long.MAX_VALUE, k -> true);
        assertThat(page.entries())
            .extracting(CommitEntry::commitId)
            .containsExactly(
                150_000L, 150_001L, 150_002L, 150_003L, 150_004L, 150_005L, 150_006L, 150_007L,
                150_008L, 150_009L);
        assertThat(page.entries().get(0).key()).isEqualTo(key(150_000));
        assertThat(page.lastExaminedId()).isEqualTo(150_009);
        assertThat(store.commitLog().entriesSince(99_999, 1))
            .extracting(CommitEntry::commitId)
            .containsExactly(100_000L);
        assertThat(store.commitLog().latestCommitId(key(7))).hasValue(150_007);
        assertThat(store.get(key(7)).orElseThrow().value()).isEqualTo("v150007");
        assertThat(store.put("new@alice", StoredValue.of("x"), CommitOp.UPDATE).join())
            .isEqualTo(ENTRIES);
        assertThat(store.commitStats().batches()).isEqualTo(1);
      }
    }
  }

  private static String key(int i) {
    return "key" + (i % KEYS) + "@alice";
  }
}
