package dev.atpj.store;

import static dev.atpj.store.StoreFixture.await;
import static dev.atpj.store.StoreFixture.valueExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AtStore} has; run against each implementation. Keystore and lifecycle
 * here; commit log, expiry and record logs in the contract interfaces.
 */
public abstract class AtStoreContract implements StoreFixture {
  protected final MutableClock clock = new MutableClock(T0);
  protected AtStore store;

  @BeforeEach
  void openStore() {
    store = newStore(StoreConfig.DEFAULT);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  public AtStore store() {
    return store;
  }

  @Override
  public MutableClock clock() {
    return clock;
  }

  @Override
  public void replaceStore(StoreConfig config) {
    store.close();
    store = newStore(config);
  }

  @Test
  void putThenGet() {
    StoredValue v = new StoredValue("hello", Metadata.builder().ttl(5L).isEncrypted(true).build());
    await(store.put("public:x@alice", v, CommitOp.UPDATE_ALL));
    assertThat(store.get("public:x@alice")).contains(v);
    assertThat(store.exists("public:x@alice")).isTrue();
    assertThat(store.get("public:y@alice")).isEmpty();
    assertThat(store.exists("public:y@alice")).isFalse();
  }

  @Test
  void nullValueAndEmptyMetadataRoundTrip() {
    await(store.put("k@alice", new StoredValue(null, Metadata.EMPTY), null));
    assertThat(store.get("k@alice")).contains(new StoredValue(null, Metadata.EMPTY));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Instant withNanos = Instant.parse("2025-01-01T00:00:00.123456789Z");
    await(store.put("k@alice", valueExpiringAt("v", withNanos), null));
    assertThat(store.get("k@alice").orElseThrow().metadata().expiresAt())
        .isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
  }

  @Test
  void commitIdsStartAtZeroAndIncrease() {
    assertThat(store.lastCommitId()).isEqualTo(-1);
    assertThat(put("a@alice", "1")).isZero();
    assertThat(put("b@alice", "2")).isEqualTo(1);
    assertThat(put("a@alice", "3")).isEqualTo(2);
    assertThat(store.lastCommitId()).isEqualTo(2);
  }

  @Test
  void uncommittedWritesReturnMinusOneAndLeaveTheLogAlone() {
    put("a@alice", "1");
    assertThat(await(store.put("privatekey:at_secret", StoredValue.of("s"), null))).isEqualTo(-1);
    assertThat(await(store.delete("privatekey:at_secret", false))).isEqualTo(-1);
    assertThat(store.exists("privatekey:at_secret")).isFalse();
    assertThat(store.lastCommitId()).isZero();
    assertThat(store.commitLog().latestCommitId("privatekey:at_secret")).isEmpty();
  }

  @Test
  void deleteRemovesAndDeletingAMissingKeyStillCommits() {
    put("a@alice", "1");
    assertThat(await(store.delete("a@alice", true))).isEqualTo(1);
    assertThat(store.exists("a@alice")).isFalse();
    assertThat(await(store.delete("never@alice", true))).isEqualTo(2);
    assertThat(store.commitLog().latestCommitId("never@alice")).hasValue(2);
  }

  @Test
  void applyIsOneBatchWithIdsInOrder() {
    List<Long> ids =
        await(
            store.apply(
                List.of(
                    new Mutation.Put("a@alice", StoredValue.of("1"), CommitOp.UPDATE),
                    new Mutation.Put("local:x@alice", StoredValue.of("2"), null),
                    new Mutation.Put("a@alice", StoredValue.of("3"), CommitOp.UPDATE_META),
                    new Mutation.Delete("b@alice", true))));
    assertThat(ids).containsExactly(0L, -1L, 1L, 2L);
    assertThat(store.get("a@alice").orElseThrow().value()).isEqualTo("3");
    assertThat(store.get("local:x@alice").orElseThrow().value()).isEqualTo("2");
    assertThat(store.commitLog().latestCommitId("a@alice")).hasValue(1);
  }

  @Test
  void forEachKeyVisitsInCodePointOrderWithPrefix() {
    for (String k :
        List.of(
            "public:b@alice",
            "public:a@alice",
            "@bob:x@alice",
            "public:\uD83D\uDE00@alice",
            "public:\uFFFD@alice",
            "x@alice")) {
      put(k, k);
    }
    List<String> all = new ArrayList<>();
    store.forEachKey("", e -> all.add(e.key()));
    assertThat(all)
        .containsExactly(
            "@bob:x@alice",
            "public:a@alice",
            "public:b@alice",
            "public:\uFFFD@alice",
            "public:\uD83D\uDE00@alice",
            "x@alice");
    List<String> pub = new ArrayList<>();
    store.forEachKey("public:", e -> pub.add(e.value().value()) && pub.size() < 2);
    assertThat(pub).containsExactly("public:a@alice", "public:b@alice");
  }

  @Test
  void serverPropertiesPersistAndRemove() {
    assertThat(store.serverProperty("signing")).isEmpty();
    await(store.putServerProperty("signing", "generated"));
    assertThat(store.serverProperty("signing")).contains("generated");
    await(store.putServerProperty("signing", null));
    assertThat(store.serverProperty("signing")).isEmpty();
  }

  @Test
  void sizeIsReported() {
    put("a@alice", "x".repeat(1000));
    assertThat(store.approximateSizeBytes()).isPositive();
  }

  @Test
  void closedStoreFailsWithDataStore() {
    store.close();
    assertThatThrownBy(() -> store.get("a@alice"))
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.DATA_STORE));
    assertThatThrownBy(() -> put("a@alice", "1"))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(AtException.class);
    store.close();
  }
}
