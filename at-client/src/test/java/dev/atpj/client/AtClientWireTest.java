package dev.atpj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.data.AtValue;
import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.data.SignatureStatus;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.client.onboarding.Onboarding;
import dev.atpj.client.vectors.PlainCrypto;
import dev.atpj.client.vectors.Vectors;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtClient} against real atServers and an atDirectory over TLS: public, self and shared
 * round trips between @alice and @bob (protocol 1.5 and 2.0), what the atServer stores (never the
 * plaintext of encrypted data; signatures verify), deletes, listing, reconnection after a server
 * restart, and onboarding.
 */
@ExtendWith(TestPkiExtension.class)
class AtClientWireTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");

  @TempDir static Path data;
  private static TestPlatform platform;
  private static AtClient alice;
  private static AtClient alice2;
  private static AtClient bob;

  @BeforeAll
  static void start(TestPki pki) {
    platform = new TestPlatform(pki, data, "@alice", "@bob");
    alice = platform.client("@alice").build();
    alice2 = platform.client("@alice").protocol(ProtocolVersion.V2_0).build();
    bob = platform.client("@bob").build();
  }

  @AfterAll
  static void stop() {
    alice.close();
    alice2.close();
    bob.close();
    platform.close();
  }

  @Test
  void publicValuesAreStoredInClearSignedAndReadableByOthers() {
    alice.put(AtKey.parse("public:location.wire"), "NYC");
    AtValue read = bob.get(AtKey.parse("public:location.wire@alice"));
    assertThat(read.value()).isEqualTo("NYC");
    assertThat(read.signature()).isEqualTo(SignatureStatus.VALID);
    AtData stored = AtData.parse(alice.execute("llookup:all:public:location.wire@alice"));
    assertThat(stored.data()).isEqualTo("NYC");
    assertThat(stored.metadata().isEncrypted()).isFalse();
    assertThat(
            PlainCrypto.verify(
                "NYC",
                stored.metadata().dataSignature(),
                platform.keysOf(ALICE).encryptionPublicKey()))
        .isTrue();
    assertThat(alice.get(AtKey.parse("public:location.wire")).value()).isEqualTo("NYC");
  }

  @Test
  void selfValuesAreEncryptedOnTheServerAndReadBack() {
    alice.put(AtKey.parse("diary.wire"), "dear diary");
    assertThat(alice.get(AtKey.parse("diary.wire@alice")).value()).isEqualTo("dear diary");
    AtData stored = AtData.parse(alice.execute("llookup:all:diary.wire@alice"));
    assertThat(stored.data()).isNotEqualTo("dear diary").doesNotContain("diary");
    assertThat(stored.metadata().isEncrypted()).isTrue();
    assertThat(stored.metadata().ivNonce()).isNull();
    assertThat(
            PlainCrypto.aesDecrypt(stored.data(), platform.keysOf(ALICE).selfEncryptionKey(), null))
        .isEqualTo("dear diary");
    assertThat(alice.get(AtKey.parse("diary.wire")).signature()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void aKeySharedWithItsOwnerIsItsOwnKeyBesideTheSelfKey() {
    alice.put(AtKey.parse("@alice:twin.wire"), "shared with me");
    alice.put(AtKey.parse("twin.wire"), "self");
    assertThat(alice.get(AtKey.parse("@alice:twin.wire@alice")).value())
        .isEqualTo("shared with me");
    assertThat(alice.get(AtKey.parse("twin.wire@alice")).value()).isEqualTo("self");
    AtData stored = AtData.parse(alice.execute("llookup:all:@alice:twin.wire@alice"));
    assertThat(stored.data()).doesNotContain("shared");
    assertThat(stored.metadata().isEncrypted()).isTrue();
    assertThat(alice.getKeys("twin\\.wire@"))
        .extracting(AtKey::toString)
        .containsExactlyInAnyOrder("@alice:twin.wire@alice", "twin.wire@alice");
    assertThat(alice.getKeys("signing_privatekey"))
        .extracting(AtKey::toString)
        .containsExactly("@alice:signing_privatekey@alice");
  }

  @Test
  void sharedValuesRoundTripBetweenTwoAtSignsAndTheServerHoldsCiphertext() {
    alice.put(AtKey.parse("@bob:phone.wire"), "+1 555 0100");
    assertThat(bob.get(AtKey.parse("phone.wire@alice")).value()).isEqualTo("+1 555 0100");
    assertThat(bob.get(AtKey.parse("@bob:phone.wire@alice")).value()).isEqualTo("+1 555 0100");
    assertThat(alice.get(AtKey.parse("@bob:phone.wire")).value()).isEqualTo("+1 555 0100");

    String stored = alice.execute("llookup:@bob:phone.wire@alice");
    assertThat(stored).isNotEqualTo("+1 555 0100").doesNotContain("555");
    String myCopy = alice.execute("llookup:shared_key.bob@alice");
    String key = PlainCrypto.rsaDecrypt(myCopy, platform.keysOf(ALICE).encryptionPrivateKey());
    assertThat(PlainCrypto.aesDecrypt(stored, key, null)).isEqualTo("+1 555 0100");
    Metadata theirs = MetadataJson.parse(alice.execute("llookup:meta:@bob:shared_key@alice"));
    assertThat(theirs.ttr()).isEqualTo(86_400_000L);
    String theirCopy = alice.execute("llookup:@bob:shared_key@alice");
    assertThat(PlainCrypto.rsaDecrypt(theirCopy, platform.keysOf(BOB).encryptionPrivateKey()))
        .isEqualTo(key);

    alice.put(AtKey.parse("@bob:phone.wire"), "+1 555 0111");
    assertThat(bob.get(AtKey.parse("phone.wire@alice"), true).value()).isEqualTo("+1 555 0111");
  }

  @Test
  void protocol20WritesIvNonceAndSharedKeyEncAndOneFiveClearsThemAgain() {
    alice2.put(AtKey.parse("@bob:email.wire"), "bob@example.com");
    Metadata meta = MetadataJson.parse(alice.execute("llookup:meta:@bob:email.wire@alice"));
    assertThat(meta.ivNonce()).isNotNull();
    assertThat(meta.sharedKeyEnc()).isNotNull();
    assertThat(meta.pubKeyCS())
        .isEqualTo(PlainCrypto.md5(platform.keysOf(BOB).encryptionPublicKey()));
    assertThat(bob.get(AtKey.parse("email.wire@alice"), true).value()).isEqualTo("bob@example.com");

    alice.put(AtKey.parse("@bob:email.wire"), "bob@example.org");
    Metadata after = MetadataJson.parse(alice.execute("llookup:meta:@bob:email.wire@alice"));
    assertThat(after.ivNonce()).as("at_java reads with a zero IV").isNull();
    assertThat(after.sharedKeyEnc()).isNull();
    assertThat(bob.get(AtKey.parse("email.wire@alice"), true).value()).isEqualTo("bob@example.org");

    alice2.put(AtKey.parse("secret.wire"), "s3");
    assertThat(alice.get(AtKey.parse("secret.wire")).value()).isEqualTo("s3");
  }

  @Test
  void metadataOptionsReachTheServer() {
    alice.put(
        AtKey.parse("@bob:ttl.wire"),
        "short-lived",
        Metadata.builder().ttl(600_000L).ttr(-1L).ccd(true).build());
    Metadata meta = MetadataJson.parse(alice.execute("llookup:meta:@bob:ttl.wire@alice"));
    assertThat(meta.ttl()).isEqualTo(600_000L);
    assertThat(meta.ttr()).isEqualTo(-1L);
    assertThat(meta.ccd()).isTrue();
    assertThat(bob.get(AtKey.parse("ttl.wire@alice")).metadata().ttl()).isEqualTo(600_000L);
  }

  @Test
  void deletedKeysAreGoneAndKeysAreListed() {
    alice.put(AtKey.parse("@bob:gone.wire"), "soon gone");
    alice.put(AtKey.parse("kept.wire"), "kept");
    assertThat(alice.getKeys("\\.wire@"))
        .extracting(AtKey::toString)
        .contains("@bob:gone.wire@alice", "kept.wire@alice");
    alice.delete(AtKey.parse("@bob:gone.wire"));
    assertThat(alice.getKeys("gone\\.wire")).isEmpty();
    assertThatThrownBy(() -> bob.get(AtKey.parse("gone.wire@alice"), true))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.KEY_NOT_FOUND);
  }

  @Test
  void sharingWithAnUnknownAtSignIsAClearError() {
    assertThatThrownBy(() -> alice.put(AtKey.parse("@nobody:x.wire"), "v"))
        .isInstanceOf(AtException.class)
        .hasMessageContaining("@nobody");
    assertThatThrownBy(() -> alice.put(AtKey.parse("x.wire@bob"), "v"))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.ILLEGAL_ARGUMENTS);
    assertThatThrownBy(() -> alice.put(AtKey.parse("two.wire"), "line\nbreak"))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.ILLEGAL_ARGUMENTS);
  }

  @Test
  void theClientReconnectsWhenItsAtServerRestarts() {
    try (AtClient restarting = platform.client("@bob").build()) {
      restarting.put(AtKey.parse("before.wire"), "1");
      platform.restart("@bob");
      assertThat(restarting.get(AtKey.parse("before.wire")).value()).isEqualTo("1");
      restarting.put(AtKey.parse("after.wire"), "2");
      assertThat(restarting.get(AtKey.parse("after.wire")).value()).isEqualTo("2");
    }
  }

  @Test
  void onboardingThroughTheClientInstallsKeysAndDeletesTheSecret(@TempDir Path dir) {
    platform.start("@carol", UnaryOperator.identity());
    AtSign carol = AtSign.parse("@carol");
    Path file = dir.resolve(AtKeysFile.fileName(carol));
    try (AtClient client = AtClient.builder(carol).connector(platform.connector()).build()) {
      client.onboard(
          TestPlatform.secretOf(carol), Vectors.keys("@carol"), file, Onboarding.CramSecret.DELETE);
      client.put(AtKey.parse("public:hello.wire"), "hi");
      client.put(AtKey.parse("@alice:hello.wire"), "hi alice");
    }
    assertThat(new AtKeysFile(new AtCrypto()).read(file)).isEqualTo(Vectors.keys("@carol"));
    assertThat(alice.get(AtKey.parse("hello.wire@carol")).value()).isEqualTo("hi alice");
    assertThat(alice.get(AtKey.parse("public:hello.wire@carol")).value()).isEqualTo("hi");
    assertThatThrownBy(
            () -> platform.connector().connectWithCram(carol, TestPlatform.secretOf(carol)))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.UNAUTHENTICATED);
  }
}
