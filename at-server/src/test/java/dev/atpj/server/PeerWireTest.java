package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.KeyStores;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polymorphic data between atServers (docs/protocol.md Part A §8, B5, B8, B10, C7): three atServers
 * and an atDirectory in one JVM, each server on its own loopback address with its own certificate.
 * Who sees what, through which path, and how {@code from}/{@code pol} is checked.
 */
@ExtendWith(SharedPeerFixture.class)
class PeerWireTest {
  @TempDir static Path data;
  private static MultiServerFixture fixture;
  private static AtServer alice;
  private static AtServer bob;
  private static AtServer carol;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    alice = fixture.server("@alice");
    bob = fixture.server("@bob");
    carol = fixture.server("@carol");
    fixture.update(
        alice,
        "update:public:location@alice NYC",
        "update:@bob:location@alice 1 Main St, Apt 2",
        "update:public:k@alice public-v",
        "update:@bob:k@alice bob-v",
        "update:k@alice self-v",
        "update:_hidden@alice hidden-v",
        "update:@carol:only.carol@alice carol-v",
        "update:secret@alice self-only",
        "update:public:_cookie@alice hidden-public",
        "update:@bob:ref@alice atsign://card@carol",
        "update:public:pubref@alice atsign://card@carol",
        "update:@alice:myref@alice atsign://for.alice@carol",
        "update:@bob:local.ref@alice atsign://k@alice");
    fixture.update(
        carol, "update:public:card@carol carol-card", "update:@alice:for.alice@carol for-alice");
  }

  @Test
  void whitepaperExample() {
    try (WireClient anyone = fixture.connect(alice)) {
      assertThat(anyone.command("lookup:location@alice")).isEqualTo("data:NYC");
    }
    try (WireClient bobClient = fixture.owner(bob)) {
      assertThat(bobClient.command("lookup:location@alice")).isEqualTo("data:1 Main St, Apt 2");
      assertThat(bobClient.lastPrompt()).isEqualTo("@bob@");
      assertThat(bobClient.command("plookup:location@alice")).isEqualTo("data:NYC");
    }
  }

  @Test
  void everyKeyTypeIsSeenOnlyByWhoMaySeeIt() {
    try (WireClient anyone = fixture.connect(alice);
        WireClient owner = fixture.owner(alice);
        WireClient bobClient = fixture.owner(bob);
        WireClient carolClient = fixture.owner(carol)) {
      // k@alice exists as public, shared with bob and self: each requester gets its own value.
      assertThat(anyone.command("lookup:k@alice")).isEqualTo("data:public-v");
      assertThat(owner.command("lookup:k@alice"))
          .as("the owner's lookup reads @alice:k@alice, which does not exist")
          .startsWith("error:AT0015-");
      assertThat(owner.command("llookup:k@alice")).isEqualTo("data:self-v");
      assertThat(bobClient.command("lookup:k@alice")).isEqualTo("data:bob-v");
      assertThat(carolClient.command("lookup:k@alice"))
          .as("no fallback to the public value, nothing of bob's")
          .startsWith("error:AT0015-");
      // a key shared with carol only
      assertThat(carolClient.command("lookup:only.carol@alice")).isEqualTo("data:carol-v");
      assertThat(bobClient.command("lookup:only.carol@alice")).startsWith("error:AT0015-");
      assertThat(anyone.command("lookup:only.carol@alice")).startsWith("error:AT0015-");
      // self and hidden keys of alice are never visible to others
      for (String key : new String[] {"secret@alice", "_hidden@alice", "_cookie@alice"}) {
        assertThat(bobClient.command("lookup:" + key)).as(key).startsWith("error:AT0015-");
        assertThat(carolClient.command("lookup:" + key)).as(key).startsWith("error:AT0015-");
      }
      assertThat(owner.command("llookup:secret@alice")).isEqualTo("data:self-only");
      // without a ttr, what alice shares is not cached
      assertThat(bobClient.command("llookup:cached:@bob:k@alice")).startsWith("error:AT0015-");
      // public values through plookup, for owners only
      assertThat(bobClient.command("plookup:k@alice")).isEqualTo("data:public-v");
      assertThat(carolClient.command("plookup:k@alice")).isEqualTo("data:public-v");
      assertThat(anyone.command("plookup:k@alice")).startsWith("error:AT0401-");
      // scans: each sees its own view
      assertThat(bobClient.command("scan:@alice"))
          .startsWith("data:[")
          .contains("\"k@alice\"", "\"location@alice\"", "\"ref@alice\"")
          .doesNotContain("only.carol", "secret", "hidden", "@bob:", "public:");
      assertThat(carolClient.command("scan:@alice"))
          .contains("\"only.carol@alice\"")
          .doesNotContain("\"k@alice\"", "location", "secret", "@carol:", "public:");
      assertThat(anyone.command("scan"))
          .contains("\"k@alice\"", "\"location@alice\"", "\"signing_publickey@alice\"")
          .doesNotContain("secret", "hidden", "_cookie", "only.carol", "public:", "@bob:");
      assertThat(anyone.command("scan:@bob")).startsWith("error:AT0401-");
      assertThat(owner.command("scan")).contains("\"@bob:k@alice\"", "\"secret@alice\"");
    }
  }

  @Test
  void atJavaReadsSharedDataThroughItsOwnServer() {
    AtCrypto crypto = new AtCrypto();
    String aesKey = crypto.newAesKey();
    String sharedKey = crypto.rsaEncrypt(aesKey, Wire.Keys.FIRST.getPublic());
    String cipher = crypto.aesEncrypt("hello bob", aesKey, null);
    fixture.update(
        alice,
        "update:ttr:86400000:@bob:shared_key@alice " + sharedKey,
        "update:ttr:-1:ccd:true:isBinary:false:isEncrypted:true:@bob:test@alice " + cipher);
    try (WireClient bobClient = fixture.owner(bob)) {
      String fetchedKey = bobClient.command("lookup:shared_key@alice").substring("data:".length());
      String key = crypto.rsaDecrypt(fetchedKey, Wire.Keys.FIRST.getPrivate());
      String value = bobClient.command("lookup:test@alice").substring("data:".length());
      assertThat(crypto.aesDecrypt(value, key, null)).isEqualTo("hello bob");
      assertThat(bobClient.command("llookup:cached:@bob:test@alice")).isEqualTo("data:" + cipher);
      assertThat(bobClient.command("scan")).contains("\"cached:@bob:shared_key@alice\"");
    }
  }

  @Test
  void referencesResolveAcrossServersForAuthenticatedReaders() {
    try (WireClient bobClient = fixture.owner(bob);
        WireClient owner = fixture.owner(alice);
        WireClient anyone = fixture.connect(alice)) {
      assertThat(bobClient.command("lookup:local.ref@alice")).isEqualTo("data:bob-v");
      assertThat(bobClient.command("lookup:ref@alice"))
          .as("alice's server reads carol's public card for bob")
          .isEqualTo("data:carol-card");
      assertThat(owner.command("lookup:myref@alice"))
          .as("alice's own reference reads what carol shares with alice")
          .isEqualTo("data:for-alice");
      assertThat(anyone.command("lookup:pubref@alice"))
          .as("unauthenticated readers follow references on the same server only")
          .isEqualTo("data:null");
    }
  }

  @Test
  void polByHandAsInTheWhitepaper() {
    String bobHost = fixture.hostOf("@bob");
    try (WireClient asBob = fixture.connectAs(bobHost, alice);
        WireClient bobOwner = fixture.owner(bob)) {
      String first = asBob.command("from:@bob");
      assertThat(first).matches("data:proof:_[0-9a-f-]{36}@bob:[0-9a-f-]{36}");
      assertThat(asBob.lastPrompt()).isEqualTo("@");
      assertThat(asBob.command("pol"))
          .as("no cookie placed: refused, connection stays open")
          .startsWith("error:AT0401-");
      assertThat(asBob.lastPrompt()).isEqualTo("@");

      String proof = asBob.command("from:@bob").substring("data:proof:".length());
      String cookieKey = proof.substring(0, proof.lastIndexOf(':'));
      String secret = proof.substring(proof.lastIndexOf(':') + 1);
      String signature = new AtCrypto().sign(secret, fixture.signingKeyOf(bob));
      assertThat(bobOwner.command("update:public:" + cookieKey + " " + signature))
          .isEqualTo("data:-1");
      asBob.send("pol");
      assertThat(asBob.readPrompt()).isEqualTo("@bob@");

      assertThat(asBob.command("lookup:location@alice")).isEqualTo("data:1 Main St, Apt 2");
      assertThat(asBob.lastPrompt()).isEqualTo("@bob@");
      assertThat(asBob.command("lookup:secret@alice")).startsWith("error:AT0015-");
      assertThat(asBob.command("lookup:public:k@alice")).startsWith("error:AT0009-");
      assertThat(asBob.command("llookup:k@alice")).startsWith("error:AT0401-");
      assertThat(asBob.command("plookup:k@carol")).startsWith("error:AT0401-");
      assertThat(asBob.command("scan"))
          .startsWith("data:[")
          .contains("\"k@alice\"", "\"location@alice\"")
          .doesNotContain("only.carol", "secret", "hidden", "@bob:", "public:");
    }
  }

  @Test
  void polWithAWrongSignatureIsRefused() {
    try (WireClient asBob = fixture.connectAs(fixture.hostOf("@bob"), alice);
        WireClient bobOwner = fixture.owner(bob)) {
      String proof = asBob.command("from:@bob").substring("data:proof:".length());
      String cookieKey = proof.substring(0, proof.lastIndexOf(':'));
      String forged = new AtCrypto().sign("something else", fixture.signingKeyOf(bob));
      bobOwner.command("update:public:" + cookieKey + " " + forged);
      assertThat(asBob.command("pol")).startsWith("error:AT0401-").contains("Pol Authentication");
      assertThat(asBob.command("lookup:k@alice")).isEqualTo("data:public-v");
    }
  }

  @Test
  void aClientCertificateThatDoesNotMatchIsRejectedAndTheConnectionClosed() throws Exception {
    String expected = "error:AT0401-Client authentication failed : Certificate Verification Failed";
    try (WireClient wrongHost = fixture.connectAs(fixture.newHost(), alice)) {
      wrongHost.send("from:@bob");
      assertThat(wrongHost.readLine()).isEqualTo(expected);
      assertThat(wrongHost.isClosedByServer(Duration.ofSeconds(5))).isTrue();
    }
    try (WireClient noCertificate = fixture.connect(alice)) {
      noCertificate.send("from:@bob");
      assertThat(noCertificate.readLine()).isEqualTo(expected);
      assertThat(noCertificate.isClosedByServer(Duration.ofSeconds(5))).isTrue();
    }
    TestPki otherCa = TestPki.create(data.resolve("other-ca"), KeyAlgorithm.EC_P256);
    SSLContext rightHostOtherCa = SSLContext.getInstance("TLS");
    rightHostOtherCa.init(
        new KeyManager[] {KeyStores.keyManager(otherCa.certificate(fixture.hostOf("@bob")))},
        new TrustManager[] {fixture.pki().trustManager()},
        null);
    try (WireClient untrusted =
        WireClient.connect(fixture.hostOf("@alice"), alice.port(), rightHostOtherCa)) {
      untrusted.readPrompt();
      untrusted.send("from:@bob");
      assertThat(untrusted.readLine()).isEqualTo(expected);
      assertThat(untrusted.isClosedByServer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void anAtSignTheDirectoryDoesNotKnowIsAt0007AndTheConnectionStaysOpen() {
    try (WireClient stranger = fixture.connectAs(fixture.hostOf("@bob"), alice)) {
      assertThat(stranger.command("from:@nobody")).startsWith("error:AT0007-");
      assertThat(stranger.command("lookup:k@alice")).isEqualTo("data:public-v");
    }
    try (WireClient bobClient = fixture.owner(bob)) {
      assertThat(bobClient.command("lookup:k@nobody")).startsWith("error:AT0007-");
      assertThat(bobClient.command("plookup:k@nobody")).startsWith("error:AT0007-");
      assertThat(bobClient.command("scan:@nobody")).startsWith("error:AT0007-");
      assertThat(bobClient.lastPrompt()).isEqualTo("@bob@");
      assertThat(bobClient.command("lookup:k@alice")).isEqualTo("data:bob-v");
    }
  }
}
