package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The at_java onboarding sequence on one connection (docs/protocol.md C5): CRAM, install the PKAM
 * key, PKAM, publish the encryption key, delete the CRAM secret; afterwards CRAM fails and PKAM
 * works, also after a restart, and the server's signing key pair stays the same.
 */
@ExtendWith(SharedTestPki.class)
class OnboardingWireTest {
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
  void atJavaOnboardingThenRestart() {
    KeyPair pkam = Wire.Keys.FIRST;
    KeyPair encryption = Wire.Keys.SECOND;
    AtServer server = fixture.start("@onboard");
    String signingKey;
    try (WireClient client = fixture.connect(server)) {
      Wire.cram(client, "@onboard");
      assertThat(
              client.command(
                  "update:privatekey:at_pkam_publickey "
                      + AtCrypto.encodePublicKey(pkam.getPublic())))
          .isEqualTo("data:-1");
      assertThat(Wire.pkam(client, "@onboard", pkam.getPrivate())).isEqualTo("data:success");
      assertThat(client.lastPrompt()).isEqualTo("@onboard@");
      assertThat(
              client.command(
                  "update:public:publickey@onboard "
                      + AtCrypto.encodePublicKey(encryption.getPublic())))
          .matches("data:\\d+");
      assertThat(client.command("delete:privatekey:at_secret")).isEqualTo("data:-1");
      signingKey = client.command("lookup:public:signing_publickey@onboard");
      assertThat(signingKey).startsWith("data:MII");
    }
    assertOnboarded(server, pkam, encryption);

    server.close();
    AtServer restarted = fixture.start("@onboard");
    assertOnboarded(restarted, pkam, encryption);
    try (WireClient client = fixture.connect(restarted)) {
      assertThat(client.command("lookup:signing_publickey@onboard")).isEqualTo(signingKey);
    }
  }

  private static void assertOnboarded(AtServer server, KeyPair pkam, KeyPair encryption) {
    try (WireClient client = fixture.connect(server)) {
      assertThat(Wire.cramWith(client, "@onboard", AtServerFixture.secretOf("@onboard")))
          .startsWith("error:AT0401-");
      assertThat(Wire.pkam(client, "@onboard", pkam.getPrivate())).isEqualTo("data:success");
      assertThat(client.command("lookup:public:publickey@onboard"))
          .isEqualTo("data:" + AtCrypto.encodePublicKey(encryption.getPublic()));
      assertThat(client.command("llookup:privatekey:at_secret")).startsWith("error:AT0009-");
    }
  }
}
