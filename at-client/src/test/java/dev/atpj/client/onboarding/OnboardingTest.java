package dev.atpj.client.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.client.FakeAtServer;
import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Onboarding's wire steps (docs/protocol.md C5) against the protocol double. */
@ExtendWith(TestPkiExtension.class)
class OnboardingTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtCrypto CRYPTO = new AtCrypto();
  private static FakeAtServer server;

  @BeforeAll
  static void start(TestPki pki) {
    server = FakeAtServer.start(pki, ALICE, "secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forgetEarlierCommands() {
    server.received().clear();
  }

  @Test
  void installsKeysWritesTheFileAndDeletesTheSecret(@TempDir Path dir) {
    Path file = dir.resolve("@alice_key.atKeys");
    AtKeys keys;
    try (AtConnection connection = server.connect()) {
      keys =
          new Onboarding(CRYPTO)
              .onboard(connection, ALICE, "secret", file, Onboarding.CramSecret.DELETE);
      assertThat(connection.authenticatedAs()).contains(ALICE);
    }
    assertThat(new AtKeysFile(CRYPTO).read(file)).isEqualTo(keys);
    assertThat(server.keys())
        .containsEntry("privatekey:at_pkam_publickey", keys.pkamPublicKey())
        .containsEntry("public:publickey@alice", keys.encryptionPublicKey());
    assertThat(server.received())
        .filteredOn(line -> !line.equals("@exit"))
        .extracting(line -> line.replaceAll("[: ].*", ""))
        .containsExactly("from", "cram", "update", "from", "pkam", "update", "delete");
    assertThat(server.received()).contains("delete:privatekey:at_secret");
    try (AtConnection again = server.connect()) {
      again.authenticateWithPkam(ALICE, keys);
      assertThat(again.authenticatedAs()).contains(ALICE);
    }
  }

  @Test
  void keepsTheSecretWhenAsked(@TempDir Path dir) {
    try (AtConnection connection = server.connect()) {
      new Onboarding(CRYPTO)
          .onboard(
              connection, ALICE, "secret", dir.resolve("k.atKeys"), Onboarding.CramSecret.KEEP);
    }
    assertThat(server.received()).noneMatch(line -> line.startsWith("delete:"));
  }
}
