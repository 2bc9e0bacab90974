package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newest at_commons update options: asserted times {@code cAt}/{@code uAt}/{@code eAt}/{@code
 * aAt}, {@code appMetadata} and the {@code :nc} (no commit) flag (docs/protocol.md B7, B16).
 */
@ExtendWith(SharedTestPki.class)
class UpdateSyncOptionsWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP =
      Base64.getEncoder()
          .encodeToString(
              "{\"providerId\":\"acme_provider\",\"keyId\":\"k-123\"}"
                  .getBytes(StandardCharsets.UTF_8));

  @TempDir Path data;

  @Test
  void assertedTimesAreStoredAsGiven(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      try (WireClient owner = fixture.owner(ann)) {
        assertThat(
                owner.command(
                    "update:cAt:2020-01-02T03:04:05.678Z:uAt:2021-02-03T04:05:06.789123Z"
                        + ":eAt:2099-03-04T05:06:07Z:aAt:2020-01-02T03:04:05.678Z"
                        + ":when.opt@ann v"))
            .matches("data:\\d+");
        JsonNode meta = meta(owner, "when.opt@ann");
        assertThat(meta.get("createdAt").asText()).isEqualTo("2020-01-02 03:04:05.678Z");
        assertThat(meta.get("updatedAt").asText()).isEqualTo("2021-02-03 04:05:06.789Z");
        assertThat(meta.get("expiresAt").asText()).isEqualTo("2099-03-04 05:06:07.000Z");
        assertThat(meta.get("availableAt").asText()).isEqualTo("2020-01-02 03:04:05.678Z");
        assertThat(meta.get("ttl").asLong()).isPositive();
        assertThat(owner.command("llookup:when.opt@ann")).isEqualTo("data:v");

        assertThat(owner.command("update:eAt:2001-01-01T00:00:00Z:gone.opt@ann v"))
            .matches("data:\\d+");
        assertThat(owner.command("llookup:gone.opt@ann")).isEqualTo("data:null");

        assertThat(owner.command("update:cAt:2020-13-45:bad.opt@ann v")).startsWith("error:");
      }
    }
  }

  @Test
  void appMetadataIsStoredAsAnObjectAndKept(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      try (WireClient owner = fixture.owner(ann)) {
        assertThat(owner.command("update:appMetadata:" + APP + ":app.opt@ann first"))
            .matches("data:\\d+");
        JsonNode all = JSON.readTree(owner.command("llookup:all:app.opt@ann").substring(5));
        assertThat(all.get("data").asText()).isEqualTo("first");
        assertThat(all.get("metaData").get("appMetadata").get("providerId").asText())
            .isEqualTo("acme_provider");

        assertThat(owner.command("update:app.opt@ann second")).matches("data:\\d+");
        assertThat(meta(owner, "app.opt@ann").get("appMetadata").get("keyId").asText())
            .isEqualTo("k-123");

        assertThat(owner.command("update:plain.opt@ann v")).matches("data:\\d+");
        assertThat(owner.command("update:meta:plain.opt@ann:appMetadata:" + APP))
            .matches("data:\\d+");
        assertThat(meta(owner, "plain.opt@ann").get("appMetadata").get("providerId").asText())
            .isEqualTo("acme_provider");
        assertThat(owner.command("llookup:plain.opt@ann")).isEqualTo("data:v");

        assertThat(owner.command("update:appMetadata:%%%not-base64%%%:bad.opt@ann v"))
            .startsWith("error:");
        assertThat(
                owner.command(
                    "update:appMetadata:"
                        + Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8))
                        + ":bad.opt@ann v"))
            .startsWith("error:");
      }
    }
  }

  @Test
  void noCommitWritesWithoutACommitEntry(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      try (WireClient owner = fixture.owner(ann)) {
        long before = ann.store().commitLog().lastCommitId();
        assertThat(owner.command("update:nc:quiet.opt@ann v")).isEqualTo("data:-1");
        assertThat(owner.command("update:meta:nc:quiet.opt@ann:ttr:-1")).isEqualTo("data:-1");
        assertThat(owner.command("update:nc:ttl:600000:@bob:quiet.opt@ann w")).isEqualTo("data:-1");
        assertThat(ann.store().commitLog().lastCommitId()).isEqualTo(before);
        assertThat(owner.command("llookup:quiet.opt@ann")).isEqualTo("data:v");
        assertThat(meta(owner, "quiet.opt@ann").get("ttr").asLong()).isEqualTo(-1);
        assertThat(owner.command("llookup:@bob:quiet.opt@ann")).isEqualTo("data:w");
        assertThat(owner.command("sync:from:-1:limit:100:quiet\\.opt")).isEqualTo("data:[]");

        assertThat(owner.command("update:nc v")).matches("data:\\d+");
        assertThat(owner.command("llookup:nc@ann")).isEqualTo("data:v");
      }
    }
  }

  private static JsonNode meta(WireClient owner, String key) throws Exception {
    return JSON.readTree(owner.command("llookup:meta:" + key).substring(5));
  }
}
