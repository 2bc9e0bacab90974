package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.server.data.KeyChange;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code update}, {@code update:json} and {@code update:meta} (docs/protocol.md B6, B7, C8). */
@ExtendWith(SharedTestPki.class)
class UpdateWireTest {
  private static final String PKAM_KEY =
      dev.atpj.protocol.crypto.AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic());

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;
  private WireClient client;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void login() {
    client = Wire.owner(fixture, alice);
  }

  @AfterEach
  void logout() {
    client.close();
  }

  private long commitId(String command) {
    String reply = client.command(command);
    assertThat(reply).as(command).matches("data:-?\\d+");
    return Long.parseLong(reply.substring(5));
  }

  private JsonNode meta(String key) throws Exception {
    String reply = client.command("llookup:meta:" + key);
    assertThat(reply).startsWith("data:{");
    return JSON.readTree(reply.substring(5));
  }

  private CommitEntry entry(long id) {
    return alice.store().commitLog().entriesSince(id - 1, 1).get(0);
  }

  @Test
  void everyWritableKeyTypeIsStoredAndCommitted() {
    long self = commitId("update:phone@alice +1 555");
    long pub = commitId("update:public:phone@alice +44 20");
    long shared = commitId("update:@bob:phone@alice +33 1");
    long ownerless = commitId("update:city paris");
    long selfShared = commitId("update:@alice:twin@alice same");
    assertThat(List.of(self, pub, shared, ownerless, selfShared))
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(self).isGreaterThanOrEqualTo(0);
    assertThat(client.command("llookup:phone@alice")).isEqualTo("data:+1 555");
    assertThat(client.command("llookup:public:phone@alice")).isEqualTo("data:+44 20");
    assertThat(client.command("llookup:@bob:phone@alice")).isEqualTo("data:+33 1");
    assertThat(client.command("llookup:city@alice")).isEqualTo("data:paris");
    assertThat(client.command("llookup:@alice:twin@alice")).isEqualTo("data:same");
    assertThat(client.command("llookup:twin@alice"))
        .as("a distinct key")
        .startsWith("error:AT0015-");
    assertThat(entry(selfShared).key()).isEqualTo("@alice:twin@alice");
    assertThat(entry(shared).key()).isEqualTo("@bob:phone@alice");
    assertThat(entry(shared).op()).isEqualTo(CommitOp.UPDATE);
  }

  @Test
  void uncommittedTypesAnswerMinusOne() {
    assertThat(commitId("update:privatekey:at_pkam_publickey " + PKAM_KEY)).isEqualTo(-1);
    assertThat(commitId("update:public:_cookie@alice x")).isEqualTo(-1);
    assertThat(commitId("update:public:__shown@alice x")).isGreaterThanOrEqualTo(0);
    assertThat(client.command("llookup:public:_cookie@alice")).isEqualTo("data:x");
  }

  @Test
  void keysThatMayNotBeUpdatedGetAt0016AndTheConnectionStaysOpen() {
    assertThat(client.command("update:cached:public:x@bob v"))
        .isEqualTo("error:AT0016-Invalid key : You may not update keys of type cachedPublicKey");
    assertThat(client.command("update:cached:@alice:x@bob v"))
        .contains("You may not update keys of type cachedSharedKey");
    assertThat(client.command("update:private:x@alice v"))
        .contains("You may not update keys of type privateKey");
    assertThat(client.command("update:local:x@alice v"))
        .contains("You may not update keys of type localKey");
    assertThat(client.command("update:x@bob v")).startsWith("error:AT0016-").contains("@bob");
    assertThat(client.command("update:country,current@alice v")).startsWith("error:AT0016-");
    assertThat(client.command("update:x@alice")).startsWith("error:AT0003-");
    assertThat(client.command("update:public:signing_publickey@alice v"))
        .startsWith("error:AT0009-");
    assertThat(client.command("update:@alice:signing_privatekey@alice v"))
        .startsWith("error:AT0009-");
    assertThat(client.command("update:" + "k".repeat(250) + "@alice v"))
        .startsWith("error:AT0016-");
    assertThat(client.command("noop:0")).isEqualTo("data:ok");
  }

  @Test
  void theValueIsTheRestOfTheLine() {
    commitId("update:note@alice hello  wide world: data:1 @x");
    assertThat(client.command("llookup:note@alice")).isEqualTo("data:hello  wide world: data:1 @x");
  }

  @Test
  void serverMaintainedMetadataOnCreateAndUpdate() throws Exception {
    Instant created = fixture.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    long first = commitId("update:dataSignature:abc:isEncrypted:true:card@alice v1");
    assertThat(entry(first).op()).isEqualTo(CommitOp.UPDATE_ALL);
    JsonNode m = meta("card@alice");
    assertThat(m.get("createdAt").asText()).isEqualTo(DATE.format(created));
    assertThat(m.get("updatedAt").asText()).isEqualTo(DATE.format(created));
    assertThat(m.get("createdBy").asText()).isEqualTo("@alice");
    assertThat(m.get("updatedBy").asText()).isEqualTo("@alice");
    assertThat(m.get("version").isInt()).isTrue();
    assertThat(m.get("version").asInt()).isZero();
    assertThat(m.get("status").asText()).isEqualTo("active");
    assertThat(m.get("dataSignature").asText()).isEqualTo("abc");
    assertThat(m.get("isEncrypted").asBoolean()).isTrue();
    assertThat(m.has("ttl")).isFalse();
    assertThat(m.has("expiresAt")).isFalse();

    fixture.clock().advance(Duration.ofSeconds(5));
    Instant updated = fixture.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    long second = commitId("update:card@alice v2");
    assertThat(entry(second).op()).isEqualTo(CommitOp.UPDATE);
    m = meta("card@alice");
    assertThat(m.get("createdAt").asText()).isEqualTo(DATE.format(created));
    assertThat(m.get("updatedAt").asText()).isEqualTo(DATE.format(updated));
    assertThat(m.get("version").asInt()).isEqualTo(1);
    assertThat(m.get("dataSignature").asText()).as("kept").isEqualTo("abc");

    commitId("update:dataSignature:null:card@alice v3");
    m = meta("card@alice");
    assertThat(m.has("dataSignature")).as("cleared").isFalse();
    assertThat(m.get("isEncrypted").asBoolean()).isTrue();
    assertThat(m.get("version").asInt()).isEqualTo(2);
  }

  @Test
  void ttlTtbTtrBecomeDatesInAnyOptionOrder() throws Exception {
    Instant now = fixture.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    commitId("update:ccd:true:ttr:5000:ttb:1000:ttl:60000:timed@alice v");
    assertThat(client.command("llookup:meta:timed@alice"))
        .as("not born yet")
        .isEqualTo("data:null");
    fixture.clock().advance(Duration.ofMillis(1000));
    JsonNode m = meta("timed@alice");
    assertThat(m.get("ttl").isNumber()).isTrue();
    assertThat(m.get("ttl").asLong()).isEqualTo(60000);
    assertThat(m.get("ttb").asLong()).isEqualTo(1000);
    assertThat(m.get("ttr").asLong()).isEqualTo(5000);
    assertThat(m.get("ccd").asBoolean()).isTrue();
    assertThat(m.has("isCascade")).isFalse();
    assertThat(m.get("availableAt").asText()).isEqualTo(DATE.format(now.plusMillis(1000)));
    assertThat(m.get("expiresAt").asText()).isEqualTo(DATE.format(now.plusMillis(61000)));
    assertThat(m.get("refreshAt").asText()).isEqualTo(DATE.format(now.plusMillis(5000)));

    commitId("update:ttr:-1:ttl:0:forever@alice v");
    m = meta("forever@alice");
    assertThat(m.get("ttr").asLong()).isEqualTo(-1);
    assertThat(m.has("refreshAt")).isFalse();
    assertThat(m.has("expiresAt")).isFalse();
    assertThat(client.command("update:ttl:99999999999999999:big@alice v"))
        .startsWith("error:AT0022-");
    assertThat(client.command("update:ttl:-5:neg@alice v")).startsWith("error:AT0022-");
  }

  @Test
  void updateJsonStoresValueAndMetadata() throws Exception {
    String json =
        "{\"atKey\":\"jkey\",\"value\":\"j v\",\"sharedBy\":\"@alice\","
            + "\"metadata\":{\"ttr\":1000,\"isBinary\":false}}";
    long id = commitId("update:json:" + json);
    assertThat(entry(id).op()).isEqualTo(CommitOp.UPDATE_ALL);
    assertThat(client.command("llookup:jkey@alice")).isEqualTo("data:j v");
    assertThat(meta("jkey@alice").get("ttr").asLong()).isEqualTo(1000);
    String shared = "{\"atKey\":\"jkey\",\"value\":\"s\",\"sharedWith\":\"@bob\"}";
    assertThat(entry(commitId("update:json:" + shared)).key()).isEqualTo("@bob:jkey@alice");
    assertThat(
            client.command("update:json:{\"atKey\":\"x\",\"value\":\"v\",\"sharedBy\":\"@bob\"}"))
        .startsWith("error:AT0016-");
  }

  @Test
  void updateMetaChangesOnlyMetadata() throws Exception {
    commitId("update:public:meta.me@alice keep me");
    long id = commitId("update:meta:public:meta.me@alice:ttr:1000:isBinary:true");
    assertThat(entry(id).op()).isEqualTo(CommitOp.UPDATE_META);
    assertThat(client.command("llookup:public:meta.me@alice")).isEqualTo("data:keep me");
    JsonNode m = meta("public:meta.me@alice");
    assertThat(m.get("ttr").asLong()).isEqualTo(1000);
    assertThat(m.get("isBinary").asBoolean()).isTrue();
    assertThat(m.get("version").asInt()).isEqualTo(1);
    assertThat(client.command("update:meta:missing@alice:ttr:1000"))
        .isEqualTo("error:AT0015-key not found : missing@alice does not exist in keystore");
    assertThat(client.command("update:meta:cached:public:x@bob:ttr:1")).startsWith("error:AT0016-");
  }

  @Test
  void committedChangesReachTheListeners() {
    List<KeyChange> changes = new CopyOnWriteArrayList<>();
    alice.keyWriter().addListener(changes::add);
    long id = commitId("update:ttr:1000:@bob:listened@alice v");
    commitId("update:privatekey:not_told v");
    long deleted = commitId("delete:@bob:listened@alice");
    Await.until(() -> changes.size() >= 2, "two changes");
    assertThat(changes).extracting(KeyChange::commitId).containsExactly(id, deleted);
    assertThat(changes.get(0).key().toString()).isEqualTo("@bob:listened@alice");
    assertThat(changes.get(0).value().value()).isEqualTo("v");
    assertThat(changes.get(0).op()).isEqualTo(CommitOp.UPDATE_ALL);
    assertThat(changes.get(1).isDelete()).isTrue();
  }

  @Test
  void concurrentUpdatesOfOneKeyCountEveryVersion() throws Exception {
    try (WireClient other = Wire.owner(fixture, alice)) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        burst.append("update:race@alice v").append(i).append('\n');
      }
      byte[] bytes = burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      client.sendRaw(bytes);
      other.sendRaw(bytes);
      for (int i = 0; i < 20; i++) {
        assertThat(client.readLine()).startsWith("data:");
        assertThat(other.readLine()).startsWith("data:");
      }
    }
    assertThat(meta("race@alice").get("version").asInt()).isEqualTo(39);
  }
}
