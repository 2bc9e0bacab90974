package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync:from} and the whitepaper's {@code sync:<id>} (docs/protocol.md A6, B6, B12). */
@ExtendWith(SharedTestPki.class)
class SyncWireTest {
  private static final String PKAM_KEY =
      dev.atpj.protocol.crypto.AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic());

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer server;
  private static long first;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    server = fixture.start("@syncer");
    try (WireClient owner = Wire.owner(fixture, server)) {
      first = Long.parseLong(owner.command("update:phone@syncer 111").substring(5));
      for (String command :
          new String[] {
            "update:ttl:60000:isBinary:false:public:location@syncer paris", // first+1
            "update:phone@syncer 222", // first+2, supersedes first
            "update:@bob:shared@syncer s", // first+3
            "update:meta:public:location@syncer:ttr:1000", // first+4 (#), supersedes first+1
            "delete:@bob:shared@syncer", // first+5 (-), supersedes first+3
            "update:privatekey:at_pkam_publickey " + PKAM_KEY, // not committed
            "update:public:_hidden@syncer x", // not committed
          }) {
        assertThat(owner.command(command)).as(command).startsWith("data:");
      }
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonNode array(String reply) throws Exception {
    assertThat(reply).startsWith("data:[");
    return JSON.readTree(reply.substring("data:".length()));
  }

  private static List<String> keys(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.forEach(e -> out.add(e.get("atKey").asText()));
    return out;
  }

  @Test
  void syncFromGivesTheLatestEntryPerKeyWithStringMetadata() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      JsonNode page = array(client.command("sync:from:" + (first - 1) + ":limit:10"));
      assertThat(keys(page))
          .containsExactly("phone@syncer", "public:location@syncer", "@bob:shared@syncer");
      JsonNode phone = page.get(0);
      assertThat(phone.get("commitId").asLong()).isEqualTo(first + 2);
      assertThat(phone.get("operation").asText()).isEqualTo("+");
      assertThat(phone.get("value").asText()).isEqualTo("222");
      assertThat(phone.get("metadata").get("createdBy").asText()).isEqualTo("@syncer");
      assertThat(phone.get("metadata").get("version").isTextual()).isTrue();
      assertThat(phone.get("metadata").get("createdAt").asText())
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(phone.has("opTime")).isFalse();
      JsonNode location = page.get(1);
      assertThat(location.get("operation").asText()).isEqualTo("#");
      assertThat(location.get("metadata").get("ttl").asText()).isEqualTo("60000");
      assertThat(location.get("metadata").get("ttr").asText()).isEqualTo("1000");
      assertThat(location.get("metadata").get("isBinary").asText()).isEqualTo("false");
      JsonNode deleted = page.get(2);
      assertThat(deleted.get("operation").asText()).isEqualTo("-");
      assertThat(deleted.get("value").isNull()).isTrue();
      assertThat(deleted.get("metadata").isNull()).isTrue();
      assertThat(client.command("sync:from:" + (first + 5) + ":limit:10")).isEqualTo("data:[]");
    }
  }

  @Test
  void syncFromPagesAndFiltersAndNeverShowsUncommittedKeys() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      JsonNode all = array(client.command("sync:from:-1:limit:0"));
      assertThat(keys(all))
          .contains("public:signing_publickey@syncer", "@syncer:signing_privatekey@syncer")
          .noneMatch(k -> k.startsWith("privatekey:") || k.startsWith("public:_"));
      JsonNode one = array(client.command("sync:from:" + (first - 1) + ":limit:1"));
      assertThat(keys(one)).containsExactly("phone@syncer");
      long next = one.get(0).get("commitId").asLong();
      JsonNode two = array(client.command("sync:from:" + next + ":limit:1"));
      assertThat(keys(two)).containsExactly("public:location@syncer");
      JsonNode filtered = array(client.command("sync:from:-1:limit:10:^public:"));
      assertThat(keys(filtered))
          .containsExactly("public:signing_publickey@syncer", "public:location@syncer");
      assertThat(client.command("sync:from:-1:limit:10:(")).startsWith("error:AT0022-");
    }
  }

  @Test
  void whitepaperSyncGivesEveryEntryWithItsOpTime() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      JsonNode page = array(client.command("sync:" + (first - 1)));
      assertThat(page).hasSize(6);
      for (int i = 0; i < 6; i++) {
        assertThat(page.get(i).get("commitId").asLong()).isEqualTo(first + i);
        assertThat(page.get(i).get("opTime").asText()).endsWith("Z");
      }
      assertThat(page.get(0).get("atKey").asText()).isEqualTo("phone@syncer");
      assertThat(page.get(0).get("value").asText()).isEqualTo("222"); // the current value
      JsonNode shared = array(client.command("sync:" + (first - 1) + ":shared"));
      assertThat(shared).hasSize(2);
      assertThat(shared.get(1).get("operation").asText()).isEqualTo("-");
    }
  }

  @Test
  void syncNeedsAuthentication() {
    try (WireClient client = fixture.connect(server)) {
      assertThat(client.command("sync:from:-1:limit:10")).startsWith("error:AT0401-");
      assertThat(client.command("sync:-1")).startsWith("error:AT0401-");
    }
  }
}
