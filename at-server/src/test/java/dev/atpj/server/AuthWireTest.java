package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.crypto.AtCrypto;
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

/** {@code from}, {@code cram} and {@code pkam} on the wire (docs/protocol.md B5, C4, A3, A8). */
@ExtendWith(SharedTestPki.class)
class AuthWireTest {
  private static final String CHALLENGE =
      "_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}@alice:"
          + "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;
  private static KeyPair pkamKeys;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice");
    pkamKeys = Wire.Keys.FIRST;
    try (WireClient client = Wire.owner(fixture, alice)) {
      String key = AtCrypto.encodePublicKey(pkamKeys.getPublic());
      assertThat(client.command("update:privatekey:at_pkam_publickey " + key)).isEqualTo("data:-1");
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void fromGivesSessionChallengeAndKeepsThePrompt() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("from:@alice")).matches("data:" + CHALLENGE);
      assertThat(client.lastPrompt()).isEqualTo("@");
      assertThat(client.command("from:alice")).matches("data:" + CHALLENGE);
      String first = Wire.challenge(client, "@alice");
      String second = Wire.challenge(client, "@alice");
      assertThat(first.substring(0, 37)).as("session id").isEqualTo(second.substring(0, 37));
      assertThat(first).isNotEqualTo(second);
    }
  }

  @Test
  void cramSucceedsAndChangesThePrompt() {
    try (WireClient client = fixture.connect(alice)) {
      Wire.cram(client, "@alice");
      assertThat(client.command("llookup:nothing@alice")).startsWith("error:AT0015-");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void wrongCramIsAt0401AndTheConnectionStaysOpenAndUnauthenticated() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(Wire.cramWith(client, "@alice", "not-the-secret"))
          .isEqualTo("error:AT0401-Client authentication failed : Authentication Failed");
      assertThat(client.lastPrompt()).isEqualTo("@");
      assertThat(client.command("llookup:x@alice")).startsWith("error:AT0401-");
      Wire.cram(client, "@alice");
    }
  }

  @Test
  void cramWithoutFromFails() {
    try (WireClient client = fixture.connect(alice)) {
      String digest = AtCrypto.cramDigest(AtServerFixture.secretOf("@alice"), "anything");
      assertThat(client.command("cram:" + digest)).startsWith("error:AT0401-");
    }
  }

  @Test
  void aChallengeIsUsedOnce() {
    try (WireClient client = fixture.connect(alice)) {
      String challenge = Wire.challenge(client, "@alice");
      String digest = AtCrypto.cramDigest(AtServerFixture.secretOf("@alice"), challenge);
      assertThat(client.command("cram:0000")).startsWith("error:AT0401-");
      assertThat(client.command("cram:" + digest)).startsWith("error:AT0401-");
      challenge = Wire.challenge(client, "@alice");
      digest = AtCrypto.cramDigest(AtServerFixture.secretOf("@alice"), challenge);
      assertThat(client.command("cram:" + digest)).isEqualTo("data:success");
      assertThat(client.command("cram:" + digest)).startsWith("error:AT0401-");
      assertThat(client.lastPrompt()).as("a failed retry keeps the owner").isEqualTo("@alice@");
    }
  }

  @Test
  void aChallengeExpiresAfterSixtySeconds() {
    try (WireClient client = fixture.connect(alice)) {
      String challenge = Wire.challenge(client, "@alice");
      fixture.clock().advance(Duration.ofSeconds(60));
      String digest = AtCrypto.cramDigest(AtServerFixture.secretOf("@alice"), challenge);
      assertThat(client.command("cram:" + digest)).startsWith("error:AT0401-");
    }
  }

  @Test
  void fromAgainAfterAuthenticationKeepsTheOwner() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      Wire.challenge(client, "@alice");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
      assertThat(client.command("llookup:nothing@alice")).startsWith("error:AT0015-");
    }
  }

  @Test
  void barePkamAndExplicitAlgorithmsSucceed() throws Exception {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(Wire.pkam(client, "@alice", pkamKeys.getPrivate())).isEqualTo("data:success");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
    try (WireClient client = fixture.connect(alice)) {
      String challenge = Wire.challenge(client, "@alice");
      String sig = Wire.sign(challenge, pkamKeys.getPrivate(), "SHA256withRSA");
      assertThat(client.command("pkam:signingAlgo:rsa2048:hashingAlgo:sha256:" + sig))
          .isEqualTo("data:success");
    }
    try (WireClient client = fixture.connect(alice)) {
      String challenge = Wire.challenge(client, "@alice");
      String sig = Wire.sign(challenge, pkamKeys.getPrivate(), "SHA512withRSA");
      assertThat(client.command("pkam:hashingAlgo:sha512:" + sig)).isEqualTo("data:success");
    }
  }

  @Test
  void wrongPkamIsAt0401AndTheConnectionStaysOpen() throws Exception {
    KeyPair other = Wire.Keys.SECOND;
    try (WireClient client = fixture.connect(alice)) {
      assertThat(Wire.pkam(client, "@alice", other.getPrivate()))
          .isEqualTo("error:AT0401-Client authentication failed : pkam authentication failed");
      assertThat(client.lastPrompt()).isEqualTo("@");
      String challenge = Wire.challenge(client, "@alice");
      String sha256 = Wire.sign(challenge, pkamKeys.getPrivate(), "SHA256withRSA");
      assertThat(client.command("pkam:hashingAlgo:sha512:" + sha256)).startsWith("error:AT0401-");
      assertThat(client.command("pkam:not-base64!")).startsWith("error:AT0401-");
      assertThat(Wire.pkam(client, "@alice", pkamKeys.getPrivate())).isEqualTo("data:success");
    }
  }

  @Test
  void unsupportedPkamVariantsSaySo() {
    try (WireClient client = fixture.connect(alice)) {
      Wire.challenge(client, "@alice");
      assertThat(client.command("pkam:signingAlgo:ecc_secp256r1:hashingAlgo:sha256:c2ln"))
          .startsWith("error:AT0401-")
          .contains("ecc_secp256r1 is not supported");
      Wire.challenge(client, "@alice");
      assertThat(client.command("pkam:enrollmentId:1234:c2ln"))
          .startsWith("error:AT0028-")
          .contains("enrollment_id: 1234 is expired or invalid");
      assertThat(client.command("pkam:signingAlgo:dsa:c2ln")).startsWith("error:AT0003-");
    }
  }

  @Test
  void fromAnotherAtSignWithoutAClientCertificateIsRefusedAndClosed() {
    try (WireClient client = fixture.connect(alice)) {
      client.send("from:@bob");
      assertThat(client.readLine())
          .isEqualTo("error:AT0401-Client authentication failed : Certificate Verification Failed");
      assertThat(client.isClosedByServer(java.time.Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void clientVersionAbove3037GetsJsonErrors() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("from:@alice:clientConfig:{\"version\":\"3.0.57\"}"))
          .startsWith("data:_");
      assertThat(client.command("llookup:x@alice"))
          .startsWith("error:{\"errorCode\":\"AT0401\",\"errorDescription\":\"");
      assertThat(client.command("cram:00"))
          .startsWith("error:{\"errorCode\":\"AT0401\"")
          .contains("Authentication Failed");
      client.command("from:@alice:clientConfig:{\"version\":\"3.0.37\"}");
      assertThat(client.command("llookup:x@alice")).startsWith("error:AT0401-");
    }
  }

  @Test
  void malformedAuthCommandsAreSyntaxErrors() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("from:")).startsWith("error:AT0003-");
      assertThat(client.command("from:@alice:clientConfig:{bad")).startsWith("error:AT0003-");
      assertThat(client.command("cram:")).startsWith("error:AT0003-");
      assertThat(client.command("pkam:")).startsWith("error:AT0003-");
    }
  }
}
