package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ttl/ttb with the injected clock, and the expired-key sweeper (docs/protocol.md A4, B7). */
@ExtendWith(SharedTestPki.class)
class ExpiryWireTest {
  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice =
        fixture.start(
            "@alice", b -> b.expirySweepInterval(Duration.ofMillis(20)).expirySweepBatchSize(2));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void expiredKeysAreInvisibleThenRemovedByTheSweeper() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      for (int i = 0; i < 5; i++) {
        assertThat(client.command("update:ttl:1000:public:temp" + i + "@alice v"))
            .startsWith("data:");
      }
      assertThat(client.command("update:ttl:3600000:public:stays@alice v")).startsWith("data:");
      assertThat(client.command("scan temp")).contains("temp4@alice");
      fixture.clock().advance(Duration.ofMillis(1000));
      assertThat(client.command("scan temp")).isEqualTo("data:[]");
      Await.until(
          () -> client.command("llookup:public:temp4@alice").startsWith("error:AT0015-"),
          "the sweeper removed the expired keys");
      Await.until(() -> alice.sweeper().removedKeys() == 5, "all five removed in batches of two");
      assertThat(client.command("llookup:public:stays@alice")).isEqualTo("data:v");
      List<CommitEntry> log = alice.store().commitLog().entriesSince(-1, 1000);
      assertThat(log)
          .filteredOn(e -> e.op() == CommitOp.DELETE)
          .extracting(CommitEntry::key)
          .containsExactlyInAnyOrder(
              "public:temp0@alice",
              "public:temp1@alice",
              "public:temp2@alice",
              "public:temp3@alice",
              "public:temp4@alice");
    }
  }

  @Test
  void anExpiredKeyIsRecreatedFromScratch() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("update:ttl:60000:again@alice one")).startsWith("data:");
      assertThat(client.command("update:ttl:60000:again@alice two")).startsWith("data:");
      assertThat(client.command("llookup:meta:again@alice")).contains("\"version\":1");
      fixture.clock().advance(Duration.ofMinutes(1));
      assertThat(client.command("llookup:again@alice"))
          .isIn("data:null", "error:AT0015-key not found : again@alice does not exist in keystore");
      assertThat(client.command("update:again@alice three")).startsWith("data:");
      assertThat(client.command("llookup:meta:again@alice"))
          .as("nothing of the expired record is kept, not even its ttl")
          .contains("\"version\":0")
          .doesNotContain("ttl");
    }
  }
}
