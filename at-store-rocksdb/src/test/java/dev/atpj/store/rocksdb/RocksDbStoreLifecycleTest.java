package dev.atpj.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.LogRecord;
import dev.atpj.store.MutableClock;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.SyncPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only a persistent store has: reopening, sharing an environment, group commit, closing. */
class RocksDbStoreLifecycleTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final StoreEnvironment env =
      new StoreEnvironment(new StoreEnvironmentConfig(8 << 20, 8 << 20, 1, 1, 1));
  @TempDir Path root;

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  private AtStore open(String name, StoreConfig config) {
    return env.open(root.resolve(name), config, clock);
  }

  @ParameterizedTest
  @EnumSource(SyncPolicy.class)
  void everythingSurvivesAReopen(SyncPolicy policy) {
    StoreConfig config = StoreConfig.DEFAULT.withSyncPolicy(policy);
    AtStore store = open("a", config);
    StoredValue v =
        new StoredValue("v", Metadata.builder().expiresAt(T0.plusSeconds(5)).ttl(5000L).build());
    store.put("public:x@alice", v, CommitOp.UPDATE_ALL).join();
    store.delete("gone@alice", true).join();
    store.put("privatekey:at_secret", StoredValue.of("s"), null).join();
    store.notifications().put(new LogRecord("n1", T0, new byte[] {1, 2})).join();
    store.putServerProperty("signing", "done").join();
    store.close();

    AtStore again = open("a", config);
    assertThat(again.get("public:x@alice")).contains(v);
    assertThat(again.get("privatekey:at_secret")).contains(StoredValue.of("s"));
    assertThat(again.lastCommitId()).isEqualTo(1);
    assertThat(again.commitLog().entriesSince(-1, 10))
        .containsExactly(
            new CommitEntry(0, "public:x@alice", CommitOp.UPDATE_ALL, T0),
            new CommitEntry(1, "gone@alice", CommitOp.DELETE, T0));
    assertThat(again.expiredKeys(T0.plusSeconds(5), 10)).containsExactly("public:x@alice");
    assertThat(again.notifications().get("n1"))
        .contains(new LogRecord("n1", T0, new byte[] {1, 2}));
    assertThat(again.serverProperty("signing")).contains("done");
    assertThat(again.put("b@alice", StoredValue.of("b"), CommitOp.UPDATE).join()).isEqualTo(2);
  }

  @Test
  void storesInOneEnvironmentNeverMix() {
    AtStore alice = open("alice", StoreConfig.DEFAULT);
    AtStore bob = open("bob", StoreConfig.DEFAULT);
    alice.put("k", StoredValue.of("alice's"), CommitOp.UPDATE).join();
    assertThat(bob.get("k")).isEmpty();
    assertThat(bob.lastCommitId()).isEqualTo(-1);
    assertThat(bob.put("k", StoredValue.of("bob's"), CommitOp.UPDATE).join()).isZero();
    assertThat(alice.get("k").orElseThrow().value()).isEqualTo("alice's");
  }

  @Test
  void aFolderOpensOncePerProcess() {
    open("a", StoreConfig.DEFAULT);
    assertThatThrownBy(() -> open("a", StoreConfig.DEFAULT))
        .isInstanceOfSatisfying(
            AtException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AtErrorCode.DATA_STORE);
              assertThat(e.getMessage()).isEqualTo("cannot open store " + root.resolve("a"));
              assertThat(e.getCause()).isNotNull();
            });
  }

  @Test
  void queuedWritesShareOneBatchAndOneSync() throws Exception {
    RocksDbAtStore store = (RocksDbAtStore) open("a", StoreConfig.DEFAULT);
    CountDownLatch release = blockCommitThread();
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      futures.add(store.put("k" + (i % 7), StoredValue.of("v" + i), CommitOp.UPDATE));
    }
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    release.countDown();
    for (int i = 0; i < 100; i++) {
      assertThat(futures.get(i).join()).isEqualTo(i);
    }
    assertThat(store.commitStats()).isEqualTo(new CommitStats(1, 100, 1));
    assertThat(store.get("k2").orElseThrow().value()).isEqualTo("v93");
  }

  @Test
  void concurrentWritersGetDistinctGapFreeIds() throws Exception {
    AtStore store = open("a", StoreConfig.DEFAULT);
    List<CompletableFuture<Long>> futures =
        java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          startThread(
              () -> {
                for (int i = 0; i < 250; i++) {
                  futures.add(
                      store.put("t" + thread + "k" + i, StoredValue.of("v"), CommitOp.UPDATE));
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(futures.stream().map(CompletableFuture::join).sorted().toList())
        .isEqualTo(java.util.stream.LongStream.range(0, 1000).boxed().toList());
    assertThat(store.lastCommitId()).isEqualTo(999);
  }

  @Test
  void closeCompletesQueuedWrites() throws Exception {
    AtStore store = open("a", StoreConfig.DEFAULT);
    CountDownLatch release = blockCommitThread();
    CompletableFuture<Long> pending = store.put("k", StoredValue.of("v"), CommitOp.UPDATE);
    store.close();
    assertThat(pending).isCompletedWithValue(0L);
    release.countDown();
    assertThat(store.put("k2", StoredValue.of("v"), null)).isCompletedExceptionally();
    assertThat(open("a", StoreConfig.DEFAULT).get("k")).contains(StoredValue.of("v"));
  }

  @Test
  void closingTheEnvironmentClosesItsStores() {
    AtStore store = open("a", StoreConfig.DEFAULT);
    env.close();
    assertThatThrownBy(() -> store.get("k")).isInstanceOf(AtException.class);
  }

  @Test
  void folderNamesAreSafeAndDistinct() {
    Path r = Path.of("/data");
    assertThat(StoreEnvironment.folderFor(r, "@alice_1")).isEqualTo(r.resolve("alice_1"));
    assertThat(StoreEnvironment.folderFor(r, "@../x")).isEqualTo(r.resolve("%2E%2E%2Fx"));
    assertThat(StoreEnvironment.folderFor(r, "@\u00e9")).isEqualTo(r.resolve("%C3%A9"));
    assertThat(StoreEnvironment.folderFor(r, "@Bob"))
        .isNotEqualTo(StoreEnvironment.folderFor(r, "@bob"));
  }

  private static Thread startThread(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  /** Occupies the environment's only commit thread until the returned latch is released. */
  private CountDownLatch blockCommitThread() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    env.commitExecutor()
        .execute(
            () -> {
              started.countDown();
              try {
                release.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
    return release;
  }
}
