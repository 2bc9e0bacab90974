package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onboarding by enrollment as the current at_java {@code Activate onboard} and the Dart SDK do it
 * (docs/protocol.md B15), transcript by transcript: {@code from}, an unauthenticated {@code scan}
 * that lists {@code signing_publickey@<atSign>}, {@code cram} answering the first challenge, {@code
 * enroll:request{…}} without a colon (approved at once), {@code pkam} naming the enrollment, {@code
 * update:public:publickey@<atSign>}, {@code delete:privatekey:at_secret}; then data is read and
 * written, and later connections authenticate with the enrollment or with a bare {@code pkam}.
 */
@ExtendWith(SharedTestPki.class)
class EnrollmentWireTest {
  @TempDir static Path data;
  private static AtServerFixture fixture;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void atJavaActivateOnboard() {
    KeyPair apkam = Wire.Keys.FIRST;
    KeyPair encryption = Wire.Keys.SECOND;
    AtServer server = fixture.start("@onboarded");
    String enrollmentId;
    try (WireClient client = fixture.connect(server)) {
      // at_java sends from: on connect, checks the scan, then answers that same challenge
      String challenge = Wire.challenge(client, "@onboarded");
      assertThat(client.command("scan"))
          .startsWith("data:[")
          .contains("\"signing_publickey@onboarded\"");
      assertThat(
              client.command(
                  "cram:" + AtCrypto.cramDigest(AtServerFixture.secretOf("@onboarded"), challenge)))
          .isEqualTo("data:success");
      JsonNode request =
          EnrollWire.data(
              client.command(
                  "enroll:request{\"appName\":\"firstApp\",\"deviceName\":\"firstDevice\","
                      + "\"apkamPublicKey\":\""
                      + AtCrypto.encodePublicKey(apkam.getPublic())
                      + "\"}"));
      assertThat(request.path("status").asText()).isEqualTo("approved");
      enrollmentId = request.path("enrollmentId").asText();
      assertThat(enrollmentId).matches("[0-9a-f-]{36}");
      assertThat(EnrollWire.pkam(client, "@onboarded", enrollmentId, apkam.getPrivate()))
          .isEqualTo("data:success");
      assertThat(client.lastPrompt()).isEqualTo("@onboarded@");
      assertThat(
              client.command(
                  "update:public:publickey@onboarded "
                      + AtCrypto.encodePublicKey(encryption.getPublic())))
          .matches("data:\\d+");
      assertThat(client.command("delete:privatekey:at_secret")).isEqualTo("data:-1");
      assertThat(client.command("update:phone.wavi@onboarded +1 555")).matches("data:\\d+");
      assertThat(client.command("llookup:phone.wavi@onboarded")).isEqualTo("data:+1 555");
    }
    try (WireClient later = fixture.connect(server)) {
      assertThat(Wire.cramWith(later, "@onboarded", AtServerFixture.secretOf("@onboarded")))
          .startsWith("error:AT0401-");
      assertThat(EnrollWire.pkam(later, "@onboarded", enrollmentId, apkam.getPrivate()))
          .isEqualTo("data:success");
      assertThat(later.command("llookup:phone.wavi@onboarded")).isEqualTo("data:+1 555");
      JsonNode fetched = EnrollWire.data(EnrollWire.decide(later, "fetch", enrollmentId));
      assertThat(fetched.path("status").asText()).isEqualTo("approved");
      assertThat(fetched.path("namespace").path("__manage").asText()).isEqualTo("rw");
    }
    try (WireClient legacy = fixture.connect(server)) {
      assertThat(Wire.pkam(legacy, "@onboarded", apkam.getPrivate())).isEqualTo("data:success");
      assertThat(EnrollWire.pkam(legacy, "@onboarded", enrollmentId, encryption.getPrivate()))
          .startsWith("error:AT0401-");
    }
  }

  @Test
  void theColonBeforeTheJsonIsOptionalAndRequestsNeedTheirFields() {
    AtServer server = fixture.start("@colon");
    try (WireClient client = Wire.owner(fixture, server)) {
      String key = AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic());
      JsonNode withColon =
          EnrollWire.data(
              client.command(
                  "enroll:request:{\"appName\":\"a\",\"deviceName\":\"d\",\"apkamPublicKey\":\""
                      + key
                      + "\"}"));
      assertThat(withColon.path("status").asText()).isEqualTo("approved");
      assertThat(client.command("enroll:request:{\"appName\":\"a\"}")).startsWith("error:AT0022-");
      assertThat(client.command("enroll:request:{not json}")).startsWith("error:AT0003-");
    }
  }
}
