package dev.atpj.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.AtClient;
import dev.atpj.client.TestPlatform;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.memory.InMemoryAtStore;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local replicas of one atSign kept in step with its real atServer: offline changes on two replicas
 * converge, conflicts are reported with both versions and settled by the policy, deletes travel,
 * shared data written offline reaches its recipient, and a persistent replica resumes after a
 * restart.
 */
@ExtendWith(TestPkiExtension.class)
class ReplicaSyncTest {
  @TempDir static Path data;
  private static TestPlatform platform;

  @BeforeAll
  static void start(TestPki pki) {
    platform = new TestPlatform(pki, data.resolve("servers"), "@alice", "@bob");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static AtClient replicaOf(String atSign, AtStore store, ConflictPolicy policy) {
    return platform.client(atSign).replica(store).conflictPolicy(policy).syncPageSize(7).build();
  }

  private static InMemoryAtStore memory() {
    return new InMemoryAtStore(Clock.systemUTC());
  }

  @Test
  void twoReplicasConvergeThroughTheAtServer() {
    try (AtClient a = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS);
        AtClient b = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS);
        AtClient server = platform.client("@alice").build()) {
      a.put(AtKey.parse("x.conv"), "from a");
      a.put(AtKey.parse("public:p.conv"), "public from a");
      b.put(AtKey.parse("y.conv"), "from b");
      assertThat(a.replica().pendingChanges()).isEqualTo(2);
      assertThatThrownBy(() -> server.get(AtKey.parse("x.conv")))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.KEY_NOT_FOUND);

      SyncResult first = a.sync();
      assertThat(first.pushed()).isEqualTo(2);
      assertThat(first.conflicts()).isEmpty();
      assertThat(first.pending()).isZero();
      SyncResult second = b.sync();
      assertThat(second.pushed()).isEqualTo(1);
      assertThat(second.conflicts()).isEmpty();
      a.sync();

      for (AtClient replica : new AtClient[] {a, b, server}) {
        assertThat(replica.get(AtKey.parse("x.conv")).value()).isEqualTo("from a");
        assertThat(replica.get(AtKey.parse("y.conv")).value()).isEqualTo("from b");
        assertThat(replica.get(AtKey.parse("public:p.conv")).value()).isEqualTo("public from a");
      }
      assertThat(contents(a)).isEqualTo(contents(b));
      assertThat(a.sync().pulled()).as("in step: nothing new").isZero();
    }
  }

  @Test
  void aKeyChangedOnBothSidesIsReportedAndTheServerWinsByDefault() {
    try (AtClient a = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS);
        AtClient b = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS)) {
      a.sync();
      b.sync();
      a.put(AtKey.parse("z.conflict"), "a's version");
      b.put(AtKey.parse("z.conflict"), "b's version");
      assertThat(a.sync().conflicts()).isEmpty();
      SyncResult result = b.sync();
      assertThat(result.conflicts()).hasSize(1);
      SyncConflict conflict = result.conflicts().get(0);
      assertThat(conflict.key()).isEqualTo("z.conflict@alice");
      assertThat(conflict.winner()).isEqualTo(ConflictPolicy.REMOTE_WINS);
      assertThat(conflict.local().value()).isNotEqualTo(conflict.remote().value());
      assertThat(b.get(AtKey.parse("z.conflict")).value()).isEqualTo("a's version");
      assertThat(result.pushed()).isZero();
      assertThat(a.sync().conflicts()).isEmpty();
      assertThat(contents(a)).isEqualTo(contents(b));
    }
  }

  @Test
  void withLocalWinsTheLocalChangeIsPushedAndTheOtherReplicaFollows() {
    try (AtClient a = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS);
        AtClient b = replicaOf("@alice", memory(), ConflictPolicy.LOCAL_WINS)) {
      a.sync();
      b.sync();
      a.put(AtKey.parse("w.conflict"), "a's version");
      b.delete(AtKey.parse("w.conflict"));
      a.sync();
      SyncResult result = b.sync();
      assertThat(result.conflicts()).hasSize(1);
      assertThat(result.conflicts().get(0).local()).as("deleted locally").isNull();
      assertThat(result.conflicts().get(0).remote().value()).isNotNull();
      a.sync();
      assertThatThrownBy(() -> a.get(AtKey.parse("w.conflict")))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.KEY_NOT_FOUND);
      assertThat(contents(a)).isEqualTo(contents(b));
    }
  }

  @Test
  void sharedDataWrittenInAReplicaReachesTheRecipientAfterSync() {
    try (AtClient a = replicaOf("@alice", memory(), ConflictPolicy.REMOTE_WINS);
        AtClient bob = platform.client("@bob").build()) {
      a.put(AtKey.parse("@bob:offline.conv"), "written offline");
      assertThat(a.get(AtKey.parse("@bob:offline.conv")).value()).isEqualTo("written offline");
      a.sync();
      assertThat(bob.get(AtKey.parse("offline.conv@alice"), true).value())
          .isEqualTo("written offline");
    }
  }

  @Test
  void aPersistentReplicaKeepsUnpushedChangesAcrossARestart(@TempDir Path dir) {
    try (StoreEnvironment env = new StoreEnvironment()) {
      Path folder = dir.resolve("replica");
      AtStore store = env.open(folder, StoreConfig.DEFAULT, Clock.systemUTC());
      try (AtClient a = replicaOf("@alice", store, ConflictPolicy.REMOTE_WINS)) {
        a.sync();
        a.put(AtKey.parse("kept.persist"), "across restarts");
      }
      store.close();
      AtStore reopened = env.open(folder, StoreConfig.DEFAULT, Clock.systemUTC());
      try (AtClient a = replicaOf("@alice", reopened, ConflictPolicy.REMOTE_WINS);
          AtClient server = platform.client("@alice").build()) {
        assertThat(a.replica().pendingChanges()).isEqualTo(1);
        assertThat(a.sync().pushed()).isEqualTo(1);
        assertThat(server.get(AtKey.parse("kept.persist")).value()).isEqualTo("across restarts");
      }
      reopened.close();
      assertThatThrownBy(
              () ->
                  new Replica(
                      dev.atpj.protocol.AtSign.parse("@bob"),
                      env.open(folder, StoreConfig.DEFAULT, Clock.systemUTC()),
                      c -> "",
                      ConflictPolicy.REMOTE_WINS,
                      Clock.systemUTC(),
                      10))
          .isInstanceOf(AtException.class)
          .hasMessageContaining("@alice");
    }
  }

  /** Every key and stored value of a replica. */
  private static Map<String, String> contents(AtClient client) {
    Map<String, String> out = new TreeMap<>();
    client
        .replica()
        .store()
        .forEachKey(
            "",
            e -> {
              out.put(e.key(), e.value().value());
              return true;
            });
    return out;
  }
}
