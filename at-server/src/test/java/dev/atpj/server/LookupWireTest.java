package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.StoredValue;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code llookup} and {@code lookup} (docs/protocol.md A4, A5, B8, C8). */
@ExtendWith(SharedTestPki.class)
class LookupWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice");
    try (WireClient owner = Wire.owner(fixture, alice)) {
      for (String command :
          new String[] {
            "update:public:loc@alice paris",
            "update:isBinary:false:phone@alice self phone",
            "update:public:phone@alice public phone",
            "update:@bob:phone@alice bob's phone",
            "update:secret@alice only mine",
            "update:public:a@alice atsign://b@alice",
            "update:public:b@alice atsign://c@alice",
            "update:public:c@alice the end",
            "update:public:r1@alice atsign://r2@alice",
            "update:public:r2@alice atsign://r3@alice",
            "update:public:r3@alice atsign://r4@alice",
            "update:public:r4@alice atsign://a@alice",
            "update:public:dangling@alice atsign://nowhere@alice",
            "update:public:foreign@alice atsign://x@bob",
            "update:@alice:ref@alice atsign://target@alice",
            "update:@alice:target@alice self target",
            "update:public:target@alice public target",
          }) {
        assertThat(owner.command(command)).as(command).startsWith("data:");
      }
    }
    alice
        .store()
        .put("cached:public:email@bob", new StoredValue("bob@example.com", Metadata.EMPTY), null)
        .join();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void llookupShapes() throws Exception {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("llookup:public:loc@alice")).isEqualTo("data:paris");
      JsonNode meta = JSON.readTree(client.command("llookup:meta:public:loc@alice").substring(5));
      assertThat(meta.get("createdBy").asText()).isEqualTo("@alice");
      assertThat(meta.has("key")).isFalse();
      JsonNode all = JSON.readTree(client.command("llookup:all:public:loc@alice").substring(5));
      assertThat(all.get("key").asText()).isEqualTo("public:loc@alice");
      assertThat(all.get("data").asText()).isEqualTo("paris");
      assertThat(all.get("metaData").get("version").asInt()).isZero();
      assertThat(all.size()).isEqualTo(3);
      assertThat(client.command("llookup:all:phone@alice")).contains("\"isBinary\":false");
    }
  }

  @Test
  void llookupOfAMissingKeyIsAt0015() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("llookup:nothing@alice"))
          .isEqualTo("error:AT0015-key not found : nothing@alice does not exist in keystore");
      assertThat(client.command("llookup:all:@bob:nothing@alice")).startsWith("error:AT0015-");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void llookupReadsCachedKeysAndReturnsReferencesRaw() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("llookup:cached:public:email@bob"))
          .isEqualTo("data:bob@example.com");
      assertThat(client.command("llookup:public:a@alice")).isEqualTo("data:atsign://b@alice");
    }
  }

  @Test
  void llookupRefusesSecrets() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("llookup:privatekey:at_secret")).startsWith("error:AT0009-");
      assertThat(client.command("llookup:privatekey:at_secret"))
          .doesNotContain(AtServerFixture.secretOf("@alice"));
    }
  }

  @Test
  void inactiveKeysAreNullNotMissing() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("update:ttb:10000:later@alice born")).startsWith("data:");
      assertThat(client.command("update:ttb:10000:@alice:later@alice born")).startsWith("data:");
      assertThat(client.command("update:ttl:5000:public:soon@alice going")).startsWith("data:");
      assertThat(client.command("llookup:later@alice")).isEqualTo("data:null");
      assertThat(client.command("llookup:all:later@alice")).isEqualTo("data:null");
      assertThat(client.command("lookup:later@alice")).isEqualTo("data:null");
      assertThat(client.command("llookup:public:soon@alice")).isEqualTo("data:going");
      fixture.clock().advance(Duration.ofSeconds(10));
      assertThat(client.command("llookup:later@alice")).isEqualTo("data:born");
      assertThat(client.command("llookup:public:soon@alice")).isEqualTo("data:null");
      assertThat(client.command("lookup:public:soon@alice")).isEqualTo("data:null");
    }
    try (WireClient anonymous = fixture.connect(alice)) {
      assertThat(anonymous.command("lookup:soon@alice")).isEqualTo("data:null");
    }
  }

  @Test
  void unauthenticatedLookupReadsPublicKeysOnly() throws Exception {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("lookup:phone@alice")).isEqualTo("data:public phone");
      assertThat(client.command("lookup:public:phone@alice")).isEqualTo("data:public phone");
      assertThat(client.command("lookup:secret@alice"))
          .isEqualTo("error:AT0015-key not found : public:secret@alice does not exist in keystore");
      assertThat(client.command("lookup:@bob:phone@alice")).startsWith("error:AT0401-");
      assertThat(client.command("lookup:cached:public:email@bob")).startsWith("error:AT0401-");
      JsonNode all = JSON.readTree(client.command("lookup:all:loc@alice").substring(5));
      assertThat(all.get("key").asText()).isEqualTo("public:loc@alice");
      assertThat(all.get("data").asText()).isEqualTo("paris");
      assertThat(client.command("lookup:meta:loc@alice")).startsWith("data:{\"createdBy\":");
      assertThat(client.command("lookup:x@bob")).startsWith("error:AT0015-");
      assertThat(client.lastPrompt()).isEqualTo("@");
    }
  }

  @Test
  void ownerLookupReadsTheKeySharedWithTheOwnerAndPublicKeysByName() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("lookup:phone@alice"))
          .as("reads @alice:phone@alice, not the self key (reference)")
          .startsWith("error:AT0015-");
      assertThat(client.command("llookup:phone@alice")).isEqualTo("data:self phone");
      assertThat(client.command("lookup:public:phone@alice")).isEqualTo("data:public phone");
      assertThat(client.command("lookup:@bob:phone@alice")).isEqualTo("data:bob's phone");
      assertThat(client.command("lookup:loc@alice")).startsWith("error:AT0015-");
      assertThat(client.command("lookup:x@bob"))
          .as("other atSigns are found through the atDirectory; this server has none")
          .startsWith("error:AT0007-");
    }
  }

  @Test
  void referencesAreResolvedUnderTheSameVisibilityUpToThreeLevels() throws Exception {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("lookup:a@alice")).isEqualTo("data:the end");
      assertThat(client.command("lookup:r1@alice")).as("deeper than 3").isEqualTo("data:null");
      assertThat(client.command("lookup:dangling@alice")).isEqualTo("data:null");
      assertThat(client.command("lookup:foreign@alice")).isEqualTo("data:null");
      assertThat(client.command("lookup:ref@alice")).startsWith("error:AT0015-");
      JsonNode all = JSON.readTree(client.command("lookup:all:a@alice").substring(5));
      assertThat(all.get("data").asText()).isEqualTo("the end");
    }
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("lookup:ref@alice")).isEqualTo("data:self target");
      assertThat(client.command("lookup:public:a@alice")).isEqualTo("data:the end");
    }
  }
}
