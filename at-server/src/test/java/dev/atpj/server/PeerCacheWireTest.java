package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.server.cache.RefreshOutcome;
import dev.atpj.server.peer.Peers;
import dev.atpj.testing.WireClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Caching of other atSigns' keys (docs/protocol.md B8): what is cached as the owner's ttr says,
 * when a copy is used, refreshed by the job (on the fixture's clock) and removed; {@code plookup}
 * and {@code bypassCache}; the {@code all} shape's key naming the copy.
 */
@ExtendWith(SharedPeerFixture.class)
class PeerCacheWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTR = Duration.ofMinutes(1);

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
  void sharedKeysAreCachedForTheirTtrAndRefreshedAfterIt() {
    fixture.update(alice, "update:ttr:" + TTR.toMillis() + ":@bob:news@alice v1");
    try (WireClient client = fixture.owner(bob)) {
      JsonNode remote = json(client.command("lookup:all:news@alice"));
      assertThat(remote.get("key").asText()).isEqualTo("@bob:news@alice");
      assertThat(remote.get("data").asText()).isEqualTo("v1");
      assertThat(client.command("llookup:cached:@bob:news@alice")).isEqualTo("data:v1");

      fixture.update(alice, "update:@bob:news@alice v2");
      JsonNode cached = json(client.command("lookup:all:news@alice"));
      assertThat(cached.get("key").asText()).isEqualTo("cached:@bob:news@alice");
      assertThat(cached.get("data").asText()).as("fresh copy used").isEqualTo("v1");
      assertThat(cached.get("metaData").get("ttr").asLong()).isEqualTo(TTR.toMillis());
      assertThat(client.command("lookup:bypassCache:true:news@alice")).isEqualTo("data:v2");
      assertThat(client.command("lookup:news@alice"))
          .as("bypass refreshed the copy")
          .isEqualTo("data:v2");

      fixture.update(alice, "update:@bob:news@alice v3");
      fixture.clock().advance(TTR.plusSeconds(1));
      assertThat(client.command("lookup:news@alice"))
          .as("stale copy not used")
          .isEqualTo("data:v3");

      fixture.update(alice, "update:@bob:news@alice v4");
      fixture.clock().advance(TTR.plusSeconds(1));
      refresh(bob);
      assertThat(client.command("llookup:cached:@bob:news@alice")).isEqualTo("data:v4");

      fixture.update(alice, "delete:@bob:news@alice");
      fixture.clock().advance(TTR.plusSeconds(1));
      Map<RefreshOutcome, Integer> outcome = refresh(bob);
      assertThat(outcome).containsKey(RefreshOutcome.REMOVED);
      assertThat(client.command("llookup:cached:@bob:news@alice")).startsWith("error:AT0015-");
    }
  }

  @Test
  void ttrDecidesWhatIsCached() {
    fixture.update(
        alice,
        "update:ttr:-1:@bob:forever@alice kept",
        "update:@bob:nottr@alice not kept",
        "update:ttr:0:@bob:zero@alice not kept either");
    try (WireClient client = fixture.owner(bob)) {
      assertThat(client.command("lookup:forever@alice")).isEqualTo("data:kept");
      assertThat(client.command("lookup:nottr@alice")).isEqualTo("data:not kept");
      assertThat(client.command("lookup:zero@alice")).isEqualTo("data:not kept either");
      assertThat(client.command("llookup:cached:@bob:forever@alice")).isEqualTo("data:kept");
      assertThat(client.command("llookup:cached:@bob:nottr@alice")).startsWith("error:AT0015-");
      assertThat(client.command("llookup:cached:@bob:zero@alice")).startsWith("error:AT0015-");

      fixture.update(alice, "update:@bob:forever@alice changed");
      fixture.clock().advance(Duration.ofDays(2));
      refresh(bob);
      assertThat(client.command("lookup:forever@alice"))
          .as("ttr -1: kept for ever, never refreshed")
          .isEqualTo("data:kept");
      assertThat(client.command("lookup:missing@alice")).startsWith("error:AT0015-");
    }
  }

  @Test
  void plookupCachesPublicValues() {
    fixture.update(
        alice,
        "update:public:email@alice alice@example.com",
        "update:ttr:0:public:nocache@alice x");
    try (WireClient client = fixture.owner(bob)) {
      JsonNode first = json(client.command("plookup:all:email@alice"));
      assertThat(first.get("key").asText()).isEqualTo("public:email@alice");
      assertThat(first.get("data").asText()).isEqualTo("alice@example.com");
      JsonNode second = json(client.command("plookup:all:email@alice"));
      assertThat(second.get("key").asText())
          .as("at_java recognises a cached answer by its key")
          .isEqualTo("cached:public:email@alice");
      fixture.update(alice, "update:public:email@alice new@example.com");
      assertThat(client.command("plookup:email@alice")).isEqualTo("data:alice@example.com");
      JsonNode bypassed = json(client.command("plookup:bypassCache:true:all:email@alice"));
      assertThat(bypassed.get("key").asText()).isEqualTo("public:email@alice");
      assertThat(bypassed.get("data").asText()).isEqualTo("new@example.com");
      assertThat(client.command("plookup:meta:email@alice")).contains("\"createdBy\":\"@alice\"");

      assertThat(client.command("plookup:nocache@alice")).isEqualTo("data:x");
      assertThat(client.command("llookup:cached:public:nocache@alice")).startsWith("error:AT0015-");
      assertThat(client.command("plookup:nothing@alice")).startsWith("error:AT0015-");
      assertThat(client.command("scan")).contains("\"cached:public:email@alice\"");

      fixture.clock().advance(Duration.ofHours(25));
      fixture.update(alice, "update:public:email@alice newest@example.com");
      refresh(bob);
      assertThat(client.command("llookup:cached:public:email@alice"))
          .as("a public value without ttr is refreshed daily")
          .isEqualTo("data:newest@example.com");
    }
  }

  @Test
  void cascadeDeleteRemovesTheCopy() {
    fixture.update(alice, "update:ttr:60000:ccd:true:@bob:ccd@alice v");
    try (WireClient client = fixture.owner(bob)) {
      assertThat(client.command("lookup:ccd@alice")).isEqualTo("data:v");
      Peers peers = bob.peers();
      peers.cache().remove(AtKey.parse("cached:@bob:ccd@alice"), Runnable::run).join();
      assertThat(client.command("llookup:cached:@bob:ccd@alice")).startsWith("error:AT0015-");
    }
  }

  private static Map<RefreshOutcome, Integer> refresh(AtServer server) {
    return server.peers().refreshJob().runNow().join();
  }

  private static JsonNode json(String reply) {
    assertThat(reply).startsWith("data:");
    try {
      return JSON.readTree(reply.substring("data:".length()));
    } catch (Exception e) {
      throw new AssertionError(reply, e);
    }
  }
}
