package dev.atpj.store;

import static dev.atpj.store.StoreFixture.await;
import static dev.atpj.store.StoreFixture.valueExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expiry-index behaviour every store has. */
public interface ExpiryContract extends StoreFixture {

  @Test
  default void expiredKeysComeFromTheIndexEarliestFirst() {
    await(store().put("late@alice", valueExpiringAt("v", T0.plusSeconds(20)), CommitOp.UPDATE));
    await(store().put("early@alice", valueExpiringAt("v", T0.plusSeconds(10)), CommitOp.UPDATE));
    await(store().put("never@alice", StoredValue.of("v"), CommitOp.UPDATE));
    assertThat(store().expiredKeys(T0.plusSeconds(5), 10)).isEmpty();
    assertThat(store().expiredKeys(T0.plusSeconds(10), 10)).containsExactly("early@alice");
    assertThat(store().expiredKeys(T0.plusSeconds(30), 10))
        .containsExactly("early@alice", "late@alice");
    assertThat(store().expiredKeys(T0.plusSeconds(30), 1)).containsExactly("early@alice");
  }

  @Test
  default void rewritingOrDeletingMovesTheIndexEntry() {
    await(store().put("a@alice", valueExpiringAt("v", T0.plusSeconds(10)), CommitOp.UPDATE));
    await(store().put("a@alice", valueExpiringAt("v", T0.plusSeconds(50)), CommitOp.UPDATE));
    await(store().put("b@alice", valueExpiringAt("v", T0.plusSeconds(10)), null));
    await(store().put("b@alice", StoredValue.of("no expiry now"), null));
    await(store().put("c@alice", valueExpiringAt("v", T0.plusSeconds(10)), CommitOp.UPDATE));
    await(store().delete("c@alice", true));
    assertThat(store().expiredKeys(T0.plusSeconds(20), 10)).isEmpty();
    assertThat(store().expiredKeys(T0.plusSeconds(50), 10)).containsExactly("a@alice");
  }

  @Test
  default void removeExpiredDeletesAndCommitsOnlyCommittedKeys() {
    await(store().put("a@alice", valueExpiringAt("v", T0.plusSeconds(10)), CommitOp.UPDATE)); // 0
    await(store().put("local:b@alice", valueExpiringAt("v", T0.plusSeconds(11)), null));
    await(store().put("c@alice", valueExpiringAt("v", T0.plusSeconds(12)), CommitOp.UPDATE)); // 1
    await(store().put("d@alice", valueExpiringAt("v", T0.plusSeconds(99)), CommitOp.UPDATE)); // 2
    assertThat(await(store().removeExpired(T0.plusSeconds(11), 1))).isEqualTo(1);
    assertThat(store().exists("a@alice")).isFalse();
    assertThat(store().commitLog().latestCommitId("a@alice")).hasValue(3);
    assertThat(await(store().removeExpired(T0.plusSeconds(20), 100))).isEqualTo(2);
    assertThat(store().exists("local:b@alice")).isFalse();
    assertThat(store().exists("c@alice")).isFalse();
    assertThat(store().exists("d@alice")).isTrue();
    assertThat(store().commitLog().latestCommitId("local:b@alice")).isEmpty();
    assertThat(store().commitLog().latestCommitId("c@alice")).hasValue(4);
    assertThat(store().lastCommitId()).isEqualTo(4);
    assertThat(store().expiredKeys(T0.plusSeconds(20), 10)).isEmpty();
  }
}
