package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner cannot lock itself out: the PKAM public key must be a key, and the CRAM secret cannot
 * be deleted while no PKAM public key would remain to authenticate with.
 */
@ExtendWith(SharedTestPki.class)
class SelfLockoutWireTest {
  @Test
  void aPkamPublicKeyThatIsNotAKeyIsRefused(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer server = fixture.start("@owner");
      try (WireClient owner = Wire.owner(fixture, server)) {
        assertThat(owner.command("update:privatekey:at_pkam_publickey not-a-key"))
            .startsWith("error:AT0022-")
            .contains("RSA public key");
        assertThat(owner.command("delete:privatekey:at_secret"))
            .startsWith("error:AT0009-")
            .contains("no way to authenticate");
      }
      try (WireClient again = fixture.connect(server)) {
        Wire.cram(again, "@owner");
      }
    }
  }

  @Test
  void theSecretCanGoOnceAPkamKeyIsStored(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer server = fixture.start("@owner");
      String key = AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic());
      try (WireClient owner = Wire.owner(fixture, server)) {
        assertThat(owner.command("update:privatekey:at_pkam_publickey " + key))
            .isEqualTo("data:-1");
        assertThat(owner.command("delete:privatekey:at_secret")).isEqualTo("data:-1");
      }
      try (WireClient again = fixture.connect(server)) {
        assertThat(Wire.pkam(again, "@owner", Wire.Keys.FIRST.getPrivate()))
            .isEqualTo("data:success");
      }
    }
  }
}
