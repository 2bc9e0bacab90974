package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.MutableClock;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second device (docs/protocol.md B15), as at_java's {@code Activate otp|enroll|approve|revoke}
 * drive it: the first device gets a one-time password; the new device, unauthenticated, asks with
 * it (pending, and the first device's monitor sees the {@code __manage} notification); its {@code
 * pkam} is refused while pending; the first device lists, fetches and approves it with the
 * encrypted default keys; the new device authenticates and fetches its keys with {@code keys:get};
 * once revoked its open connection is closed and its next {@code pkam} is refused. Denied and
 * expired requests, and a used password, are refused too.
 */
@ExtendWith(SharedTestPki.class)
class SecondDeviceWireTest {
  private static final String ME = "@twodevices";

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer server;
  private static String firstId;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    server = fixture.start(ME);
    try (WireClient first = Wire.owner(fixture, server)) {
      firstId =
          EnrollWire.data(
                  first.command(
                      "enroll:request:{\"appName\":\"first\",\"deviceName\":\"laptop\","
                          + "\"apkamPublicKey\":\""
                          + AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic())
                          + "\",\"encryptedDefaultEncryptionPrivateKey\":\"first-private\","
                          + "\"encryptedDefaultSelfEncryptionKey\":\"first-self\"}"))
              .path("enrollmentId")
              .asText();
      assertThat(
              first.command(
                  "update:public:publickey"
                      + ME
                      + " "
                      + AtCrypto.encodePublicKey(Wire.Keys.SECOND.getPublic())))
          .matches("data:\\d+");
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static WireClient firstDevice() {
    WireClient client = fixture.connect(server);
    assertThat(EnrollWire.pkam(client, ME, firstId, Wire.Keys.FIRST.getPrivate()))
        .isEqualTo("data:success");
    return client;
  }

  @Test
  void approvedThenRevoked() {
    KeyPair phone = new AtCrypto().newRsaKeyPair();
    String id;
    try (WireClient first = firstDevice();
        WireClient monitor = firstDevice();
        WireClient newDevice = fixture.connect(server)) {
      monitor.send("monitor:strict:selfNotifications:0 \\.__manage");
      String otp = EnrollWire.otp(first);
      assertThat(newDevice.command("lookup:publickey" + ME)).startsWith("data:");
      JsonNode pending = EnrollWire.data(EnrollWire.request(newDevice, otp, "buzz", phone));
      assertThat(pending.path("status").asText()).isEqualTo("pending");
      id = pending.path("enrollmentId").asText();
      assertThat(EnrollWire.request(newDevice, otp, "buzz", phone))
          .startsWith("error:AT0022-")
          .contains("invalid otp");

      String notification = monitor.readLine();
      assertThat(notification)
          .startsWith("notification: ")
          .contains("\"key\":\"" + id + ".new.enrollments.__manage\"")
          .contains("sym-of-buzz");

      assertThat(EnrollWire.pkam(newDevice, ME, id, phone.getPrivate()))
          .startsWith("error:AT0026-")
          .contains("enrollment_id: " + id + " is pending");

      JsonNode listed =
          EnrollWire.data(first.command("enroll:list:{\"enrollmentStatusFilter\":[\"pending\"]}"));
      JsonNode entry = listed.path(id + ".new.enrollments.__manage" + ME);
      assertThat(entry.path("appName").asText()).isEqualTo("buzz");
      assertThat(entry.path("namespace").path("buzz").asText()).isEqualTo("rw");
      assertThat(listed.has(firstId + ".new.enrollments.__manage" + ME)).isFalse();
      JsonNode fetched = EnrollWire.data(EnrollWire.decide(first, "fetch", id));
      assertThat(fetched.path("status").asText()).isEqualTo("pending");
      assertThat(fetched.path("encryptedAPKAMSymmetricKey").asText()).isEqualTo("sym-of-buzz");

      JsonNode approved =
          EnrollWire.data(
              first.command(
                  "enroll:approve:{\"enrollmentId\":\""
                      + id
                      + "\",\"encryptedDefaultEncryptionPrivateKey\":\"enc-private\","
                      + "\"encPrivateKeyIV\":\"iv-1\","
                      + "\"encryptedDefaultSelfEncryptionKey\":\"enc-self\","
                      + "\"selfEncKeyIV\":\"iv-2\"}"));
      assertThat(approved.path("status").asText()).isEqualTo("approved");
      assertThat(approved.path("enrollmentId").asText()).isEqualTo(id);
      assertThat(EnrollWire.decide(first, "approve", id)).startsWith("error:AT0030-");
    }
    try (WireClient phoneClient = fixture.connect(server)) {
      assertThat(EnrollWire.pkam(phoneClient, ME, id, phone.getPrivate()))
          .isEqualTo("data:success");
      assertThat(
              phoneClient.command(
                  "keys:get:keyName:" + id + ".default_enc_private_key.__manage" + ME))
          .isEqualTo("data:{\"value\":\"enc-private\",\"iv\":\"iv-1\"}");
      assertThat(
              phoneClient.command("keys:get:keyName:" + id + ".default_self_enc_key.__manage" + ME))
          .isEqualTo("data:{\"value\":\"enc-self\",\"iv\":\"iv-2\"}");
      assertThat(
              phoneClient.command(
                  "keys:get:keyName:" + firstId + ".default_self_enc_key.__manage" + ME))
          .startsWith("error:AT0009-");
      assertThat(EnrollWire.decide(phoneClient, "revoke", firstId)).startsWith("error:AT0009-");
      JsonNode own = EnrollWire.data(phoneClient.command("enroll:list"));
      assertThat(own.size()).isEqualTo(1);
      try (WireClient first = firstDevice()) {
        assertThat(EnrollWire.decide(first, "revoke", firstId)).startsWith("error:AT0022-");
        assertThat(EnrollWire.data(EnrollWire.decide(first, "revoke", id)).path("status").asText())
            .isEqualTo("revoked");
      }
      assertThat(phoneClient.isClosedByServer(WireClient.DEFAULT_TIMEOUT)).isTrue();
    }
    try (WireClient phoneClient = fixture.connect(server)) {
      assertThat(EnrollWire.pkam(phoneClient, ME, id, phone.getPrivate()))
          .startsWith("error:AT0027-")
          .contains("is revoked");
    }
    try (WireClient first = firstDevice()) {
      assertThat(EnrollWire.data(EnrollWire.decide(first, "unrevoke", id)).path("status").asText())
          .isEqualTo("approved");
    }
    try (WireClient phoneClient = fixture.connect(server)) {
      assertThat(EnrollWire.pkam(phoneClient, ME, id, phone.getPrivate()))
          .isEqualTo("data:success");
    }
  }

  @Test
  void deniedThenDeleted() {
    KeyPair tablet = new AtCrypto().newRsaKeyPair();
    try (WireClient first = firstDevice();
        WireClient newDevice = fixture.connect(server)) {
      String id =
          EnrollWire.data(EnrollWire.request(newDevice, EnrollWire.otp(first), "wavi", tablet))
              .path("enrollmentId")
              .asText();
      assertThat(EnrollWire.decide(first, "revoke", id)).startsWith("error:AT0030-");
      assertThat(EnrollWire.data(EnrollWire.decide(first, "deny", id)).path("status").asText())
          .isEqualTo("denied");
      assertThat(EnrollWire.pkam(newDevice, ME, id, tablet.getPrivate()))
          .startsWith("error:AT0025-")
          .contains("is denied");
      assertThat(EnrollWire.data(EnrollWire.decide(first, "delete", id)).path("status").asText())
          .isEqualTo("deleted");
      assertThat(EnrollWire.pkam(newDevice, ME, id, tablet.getPrivate()))
          .startsWith("error:AT0028-")
          .contains("is expired or invalid");
    }
  }

  @Test
  void unauthenticatedRequestsNeedAPasswordAndOtherOperationsNeedTheOwner() {
    KeyPair stranger = new AtCrypto().newRsaKeyPair();
    try (WireClient anyone = fixture.connect(server)) {
      assertThat(EnrollWire.request(anyone, "ABC123", "x", stranger)).startsWith("error:AT0022-");
      assertThat(anyone.command("enroll:list")).startsWith("error:AT0401-");
      assertThat(EnrollWire.decide(anyone, "approve", firstId)).startsWith("error:AT0401-");
      assertThat(anyone.command("otp:get")).startsWith("error:AT0401-");
      assertThat(anyone.command("keys:get:self")).startsWith("error:AT0401-");
    }
  }

  @Test
  void aPendingRequestExpires() {
    KeyPair watch = new AtCrypto().newRsaKeyPair();
    String id;
    try (WireClient first = firstDevice();
        WireClient newDevice = fixture.connect(server)) {
      id =
          EnrollWire.data(EnrollWire.request(newDevice, EnrollWire.otp(first), "watch", watch))
              .path("enrollmentId")
              .asText();
    }
    MutableClock clock = fixture.clock();
    clock.advance(Duration.ofHours(48).plusSeconds(1));
    try (WireClient first = firstDevice();
        WireClient newDevice = fixture.connect(server)) {
      assertThat(EnrollWire.pkam(newDevice, ME, id, watch.getPrivate()))
          .startsWith("error:AT0028-");
      assertThat(EnrollWire.decide(first, "approve", id)).startsWith("error:AT0028-");
      assertThat(first.command("enroll:list")).doesNotContain(id);
    }
  }

  @Test
  void aPasswordExpires() {
    KeyPair late = new AtCrypto().newRsaKeyPair();
    String otp;
    try (WireClient first = firstDevice()) {
      otp = EnrollWire.otp(first);
    }
    fixture.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
    try (WireClient newDevice = fixture.connect(server)) {
      assertThat(EnrollWire.request(newDevice, otp, "late", late)).startsWith("error:AT0022-");
    }
  }
}
