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
 * autoNotify (docs/protocol.md B7, B8, C9, C12 §7): updating or deleting a key shared with another
 * atSign notifies that atSign's atServer with the value and metadata, as at_java relies on; a value
 * with a ttr becomes a cached copy on the recipient, and a delete removes the copy when ccd is set.
 */
@ExtendWith(SharedPeerFixture.class)
class AutoNotifyWireTest {
  private static MultiServerFixture fixture;
  private static AtServer ann;
  private static AtServer ben;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    ann = NotifyWire.server(fixture, "@ann");
    ben = NotifyWire.server(fixture, "@ben");
  }

  @Test
  void aSharedUpdateReachesTheRecipientsMonitorAndItsCacheAndADeleteCascades() {
    try (WireClient monitor = monitor(fixture, ben, "monitor:strict \\.an1@");
        WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      untilHeartbeat(monitor);
      assertThat(
              annOwner.command(
                  "update:ttr:-1:ccd:true:isEncrypted:true:ivNonce:AAAAAAAAAAAAAAAAAAAAAA==:"
                      + "@ben:card.an1@ann c1pher"))
          .startsWith("data:");
      JsonNode update = next(monitor);
      assertThat(update.get("id").isTextual()).isTrue();
      assertThat(update.get("operation").asText()).isEqualTo("update");
      assertThat(update.get("key").asText()).isEqualTo("@ben:card.an1@ann");
      assertThat(update.get("value").asText()).isEqualTo("c1pher");
      assertThat(update.get("from").asText()).isEqualTo("@ann");
      assertThat(update.get("metadata").has("ttr")).as("the reference's monitor shape").isFalse();
      assertThat(update.get("metadata").get("ivNonce").asText())
          .isEqualTo("AAAAAAAAAAAAAAAAAAAAAA==");
      Await.until(
          () -> benOwner.command("llookup:cached:@ben:card.an1@ann").equals("data:c1pher"),
          "ben keeps a cached copy");
      assertThat(benOwner.command("scan card.an1")).contains("cached:@ben:card.an1@ann");

      assertThat(annOwner.command("update:@ben:card.an1@ann c2")).startsWith("data:");
      assertThat(next(monitor).get("value").asText()).isEqualTo("c2");
      Await.until(
          () -> benOwner.command("llookup:cached:@ben:card.an1@ann").equals("data:c2"),
          "the copy follows the update");

      assertThat(annOwner.command("delete:@ben:card.an1@ann")).startsWith("data:");
      JsonNode delete = next(monitor);
      assertThat(delete.get("operation").asText()).isEqualTo("delete");
      assertThat(delete.get("key").asText()).isEqualTo("@ben:card.an1@ann");
      assertThat(delete.get("value").isNull()).isTrue();
      Await.until(
          () -> benOwner.command("llookup:cached:@ben:card.an1@ann").startsWith("error:AT0015"),
          "cascade delete removes the copy");
    }
  }

  @Test
  void withoutTtrNothingIsCachedAndOnlySharedKeysNotify() {
    try (WireClient monitor = monitor(fixture, ben, "monitor:strict \\.an2@");
        WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      untilHeartbeat(monitor);
      annOwner.command("update:public:pub.an2@ann p");
      annOwner.command("update:self.an2@ann s");
      annOwner.command("update:@ben:plain.an2@ann v");
      JsonNode n = next(monitor);
      assertThat(n.get("key").asText()).isEqualTo("@ben:plain.an2@ann");
      assertThat(benOwner.command("llookup:cached:@ben:plain.an2@ann")).startsWith("error:AT0015-");
      String id = n.get("id").asText();
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      assertThat(withoutStats(untilHeartbeat(monitor))).as("public and self keys: none").isEmpty();
      long sentByBen = ben.notifications().counters().queuedCount();
      benOwner.command("delete:cached:@ben:plain.an2@ann");
      assertThat(ben.notifications().counters().queuedCount())
          .as("cached keys never notify")
          .isEqualTo(sentByBen);
    }
  }
}
