package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static dev.atpj.server.NotifyWire.withoutStats;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * autoNotify (PROTOCOL.md B7, B8, C9, C12 §7): updating or deleting a key shared with another
 * atSign notifies that atSign's atServer with the value and metadata, as at_java relies on; a value
 * with a ttr becomes a cached copy on the recipient, and a delete removes the copy when ccd is set.
 */
@ExtendWith(SharedPeerFixture.class)
class AutoNotifyWireTest {
  private static MultiServerFixture fixture;
  private static AtServer alice;
  private static AtServer bob;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    alice = fixture.server("@alice");
    bob = fixture.server("@bob");
  }

  @Test
  void aSharedUpdateReachesTheRecipientsMonitorAndItsCacheAndADeleteCascades() {
    try (WireClient monitor = monitor(fixture, bob, "monitor:strict \\.an1@");
        WireClient aliceOwner = fixture.owner(alice);
        WireClient bobOwner = fixture.owner(bob)) {
      untilHeartbeat(monitor);
      assertThat(
              aliceOwner.command(
                  "update:ttr:-1:ccd:true:isEncrypted:true:ivNonce:AAAAAAAAAAAAAAAAAAAAAA==:"
                      + "@bob:card.an1@alice c1pher"))
          .startsWith("data:");
      JsonNode update = next(monitor);
      assertThat(update.get("id").isTextual()).isTrue();
      assertThat(update.get("operation").asText()).isEqualTo("update");
      assertThat(update.get("key").asText()).isEqualTo("@bob:card.an1@alice");
      assertThat(update.get("value").asText()).isEqualTo("c1pher");
      assertThat(update.get("from").asText()).isEqualTo("@alice");
      assertThat(update.get("metadata").get("ttr").asLong()).isEqualTo(-1);
      assertThat(update.get("metadata").get("ivNonce").asText())
          .isEqualTo("AAAAAAAAAAAAAAAAAAAAAA==");
      Await.until(
          () -> bobOwner.command("llookup:cached:@bob:card.an1@alice").equals("data:c1pher"),
          "bob keeps a cached copy");
      assertThat(bobOwner.command("scan card.an1")).contains("cached:@bob:card.an1@alice");

      assertThat(aliceOwner.command("update:@bob:card.an1@alice c2")).startsWith("data:");
      assertThat(next(monitor).get("value").asText()).isEqualTo("c2");
      Await.until(
          () -> bobOwner.command("llookup:cached:@bob:card.an1@alice").equals("data:c2"),
          "the copy follows the update");

      assertThat(aliceOwner.command("delete:@bob:card.an1@alice")).startsWith("data:");
      JsonNode delete = next(monitor);
      assertThat(delete.get("operation").asText()).isEqualTo("delete");
      assertThat(delete.get("key").asText()).isEqualTo("@bob:card.an1@alice");
      assertThat(delete.get("value").isNull()).isTrue();
      Await.until(
          () -> bobOwner.command("llookup:cached:@bob:card.an1@alice").startsWith("error:AT0015"),
          "cascade delete removes the copy");
    }
  }

  @Test
  void withoutTtrNothingIsCachedAndOnlySharedKeysNotify() {
    try (WireClient monitor = monitor(fixture, bob, "monitor:strict \\.an2@");
        WireClient aliceOwner = fixture.owner(alice);
        WireClient bobOwner = fixture.owner(bob)) {
      untilHeartbeat(monitor);
      aliceOwner.command("update:public:pub.an2@alice p");
      aliceOwner.command("update:self.an2@alice s");
      aliceOwner.command("update:@bob:plain.an2@alice v");
      JsonNode n = next(monitor);
      assertThat(n.get("key").asText()).isEqualTo("@bob:plain.an2@alice");
      assertThat(bobOwner.command("llookup:cached:@bob:plain.an2@alice"))
          .startsWith("error:AT0015-");
      String id = n.get("id").asText();
      Await.until(
          () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      assertThat(withoutStats(untilHeartbeat(monitor))).as("public and self keys: none").isEmpty();
      long sentByBob = bob.context().notifications().counters().queuedCount();
      bobOwner.command("delete:cached:@bob:plain.an2@alice");
      assertThat(bob.context().notifications().counters().queuedCount())
          .as("cached keys never notify")
          .isEqualTo(sentByBob);
    }
  }
}
