package dev.atpj.client.data;

import static dev.atpj.client.vectors.Vectors.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.client.vectors.PlainCrypto;
import dev.atpj.client.vectors.Vectors;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataField;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md C4–C7, C11 test vectors: files made with plain JDK calls ({@link PlainCrypto})
 * are recomputed independently, read and decrypted by the SDK; and what the SDK writes is decrypted
 * with plain calls.
 */
class TestVectorsTest {
  private static final AtCrypto CRYPTO = new AtCrypto();
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");
  private static final AtKeys ALICE_KEYS = Vectors.keys("@alice");
  private static final AtKeys BOB_KEYS = Vectors.keys("@bob");

  @Test
  void theVectorFilesFollowTheDocumentedAlgorithms() throws Exception {
    JsonNode file = new ObjectMapper().readTree(Vectors.text("@alice_key.atKeys"));
    String self = ALICE_KEYS.selfEncryptionKey();
    assertThat(file.get("selfEncryptionKey").asText()).isEqualTo(self);
    assertThat(file.get("aesPkamPrivateKey").asText())
        .isEqualTo(PlainCrypto.aesEncrypt(ALICE_KEYS.pkamPrivateKey(), self, null));
    assertThat(file.get("aesPkamPublicKey").asText())
        .isEqualTo(PlainCrypto.aesEncrypt(ALICE_KEYS.pkamPublicKey(), self, null));
    assertThat(file.get("aesEncryptPrivateKey").asText())
        .isEqualTo(PlainCrypto.aesEncrypt(ALICE_KEYS.encryptionPrivateKey(), self, null));
    assertThat(file.get("aesEncryptPublicKey").asText())
        .isEqualTo(PlainCrypto.aesEncrypt(ALICE_KEYS.encryptionPublicKey(), self, null));
    String text = value("selfPlaintext");
    assertThat(value("selfZeroIv")).isEqualTo(PlainCrypto.aesEncrypt(text, self, null));
    assertThat(value("selfWithIv"))
        .isEqualTo(PlainCrypto.aesEncrypt(text, self, value("selfIvNonce")));
    assertThat(value("sharedWithIv"))
        .isEqualTo(
            PlainCrypto.aesEncrypt(
                value("sharedPlaintext"), value("sharedKey"), value("sharedIvNonce")));
    assertThat(value("publicSignature"))
        .isEqualTo(PlainCrypto.sign("NYC", ALICE_KEYS.encryptionPrivateKey()));
    assertThat(PlainCrypto.rsaDecrypt(value("sharedKeyForBob"), BOB_KEYS.encryptionPrivateKey()))
        .isEqualTo(value("sharedKey"));
    assertThat(value("bobPubKeyCS")).isEqualTo(PlainCrypto.md5(BOB_KEYS.encryptionPublicKey()));
  }

  @Test
  void theSdkLoadsTheAtJavaAndTheDartAtKeysFiles() {
    AtKeysFile files = new AtKeysFile(CRYPTO);
    assertThat(files.fromJson(Vectors.text("@alice_key.atKeys"))).isEqualTo(ALICE_KEYS);
    assertThat(Vectors.text("@bob_key.dart.atKeys")).contains("apkamSymmetricKey", "enrollmentId");
    assertThat(files.fromJson(Vectors.text("@bob_key.dart.atKeys"))).isEqualTo(BOB_KEYS);
  }

  @Test
  void theSdkComputesTheSameDigestsSignaturesAndChecksums() {
    assertThat(AtCrypto.cramDigest(value("cramSecret"), value("cramChallenge")))
        .isEqualTo(value("cramDigest"));
    assertThat(
            CRYPTO.sign(
                value("cramChallenge"), CRYPTO.decodePrivateKey(ALICE_KEYS.pkamPrivateKey())))
        .isEqualTo(value("pkamSignature"));
    assertThat(CRYPTO.sign("NYC", CRYPTO.decodePrivateKey(ALICE_KEYS.encryptionPrivateKey())))
        .isEqualTo(value("publicSignature"));
    assertThat(DataCodec.checksum(BOB_KEYS.encryptionPublicKey())).isEqualTo(value("bobPubKeyCS"));
  }

  @Test
  void theSdkReadsSelfValuesInBothIvForms() {
    ScriptedSecondary server =
        new ScriptedSecondary()
            .answer(
                "llookup:all:diary@alice",
                data(
                    value("selfZeroIv"),
                    "\"isEncrypted\":true,\"dataSignature\":\"" + value("selfSignature") + "\""))
            .answer(
                "llookup:all:diary2@alice",
                data(
                    value("selfWithIv"),
                    "\"isEncrypted\":true,\"ivNonce\":\"" + value("selfIvNonce") + "\""));
    DataCodec alice = codec(ALICE, ALICE_KEYS, server, ProtocolVersion.V1_5);
    AtValue zero = alice.get(AtKey.parse("diary@alice"), false);
    assertThat(zero.value()).isEqualTo(value("selfPlaintext"));
    assertThat(zero.signature()).isEqualTo(SignatureStatus.VALID);
    assertThat(alice.get(AtKey.parse("diary2"), false).value()).isEqualTo(value("selfPlaintext"));
  }

  @Test
  void theSdkReadsSharedValuesThroughTheSharedKeyRecordOrSharedKeyEnc() {
    ScriptedSecondary bobServer =
        new ScriptedSecondary()
            .answer("lookup:shared_key@alice", value("sharedKeyForBob"))
            .answer("lookup:all:phone@alice", data(value("sharedZeroIv"), "\"isEncrypted\":true"))
            .answer(
                "lookup:all:phone2@alice",
                data(
                    value("sharedWithIv"),
                    "\"isEncrypted\":true,\"ivNonce\":\""
                        + value("sharedIvNonce")
                        + "\",\"sharedKeyEnc\":\""
                        + value("sharedKeyForBob")
                        + "\",\"pubKeyCS\":\""
                        + value("bobPubKeyCS")
                        + "\""));
    DataCodec bob = codec(BOB, BOB_KEYS, bobServer, ProtocolVersion.V1_5);
    assertThat(bob.get(AtKey.parse("phone2@alice"), false).value())
        .isEqualTo(value("sharedPlaintext"));
    assertThat(bobServer.sent()).containsExactly("lookup:all:phone2@alice");
    AtValue zero = bob.get(AtKey.parse("@bob:phone@alice"), false);
    assertThat(zero.value()).isEqualTo(value("sharedPlaintext"));
    assertThat(zero.signature()).isEqualTo(SignatureStatus.ABSENT);
    assertThat(bobServer.sent()).contains("lookup:shared_key@alice");
  }

  @Test
  void whatTheSdkWritesDecryptsWithPlainCalls() {
    AtKeysFile files = new AtKeysFile(CRYPTO);
    JsonNode file = read(files.toJson(ALICE, ALICE_KEYS));
    String self = file.get("selfEncryptionKey").asText();
    assertThat(PlainCrypto.aesDecrypt(file.get("aesPkamPrivateKey").asText(), self, null))
        .isEqualTo(ALICE_KEYS.pkamPrivateKey());
    assertThat(PlainCrypto.aesDecrypt(file.get("aesEncryptPrivateKey").asText(), self, null))
        .isEqualTo(ALICE_KEYS.encryptionPrivateKey());

    for (ProtocolVersion version : ProtocolVersion.values()) {
      ScriptedSecondary server =
          new ScriptedSecondary()
              .answer("llookup:shared_key.bob@alice", value("sharedKeyForAlice"))
              .answer("llookup:@bob:shared_key@alice", value("sharedKeyForBob"))
              .answer("plookup:publickey@bob", BOB_KEYS.encryptionPublicKey());
      DataCodec alice = codec(ALICE, ALICE_KEYS, server, version);

      Update selfPut = alice.encodePut(AtKey.parse("diary"), "dear diary", null);
      String iv = option(selfPut, MetadataField.IV_NONCE);
      assertThat(iv == null).isEqualTo(version == ProtocolVersion.V1_5);
      assertThat(PlainCrypto.aesDecrypt(selfPut.value(), ALICE_KEYS.selfEncryptionKey(), iv))
          .isEqualTo("dear diary");
      assertThat(
              PlainCrypto.verify(
                  "dear diary",
                  option(selfPut, MetadataField.DATA_SIGNATURE),
                  ALICE_KEYS.encryptionPublicKey()))
          .isTrue();

      Update shared = alice.encodePut(AtKey.parse("@bob:phone"), "+1 555 0199", null);
      assertThat(shared.key().toString()).isEqualTo("@bob:phone@alice");
      String sharedIv = option(shared, MetadataField.IV_NONCE);
      assertThat(PlainCrypto.aesDecrypt(shared.value(), value("sharedKey"), sharedIv))
          .isEqualTo("+1 555 0199");
      if (version == ProtocolVersion.V2_0) {
        assertThat(
                PlainCrypto.rsaDecrypt(
                    option(shared, MetadataField.SHARED_KEY_ENC), BOB_KEYS.encryptionPrivateKey()))
            .isEqualTo(value("sharedKey"));
        assertThat(option(shared, MetadataField.PUB_KEY_CS)).isEqualTo(value("bobPubKeyCS"));
      } else {
        assertThat(shared.render())
            .startsWith(
                "update:isBinary:false:isEncrypted:true:sharedKeyEnc:null:pubKeyCS:null:ivNonce:null:@bob:phone@alice ");
      }
    }
  }

  @Test
  void aNewSharedKeyIsWrittenForBothSidesAsAtJavaDoes() {
    ScriptedSecondary server =
        new ScriptedSecondary().answer("plookup:publickey@bob", BOB_KEYS.encryptionPublicKey());
    DataCodec alice = codec(ALICE, ALICE_KEYS, server, ProtocolVersion.V1_5);
    Update put = alice.encodePut(AtKey.parse("@bob:phone@alice"), "+1", null);
    List<String> updates = server.sent().stream().filter(s -> s.startsWith("update:")).toList();
    assertThat(updates).hasSize(2);
    String mine = updates.get(0);
    String theirs = updates.get(1);
    assertThat(mine).startsWith("update:shared_key.bob@alice ");
    assertThat(theirs).startsWith("update:ttr:86400000:@bob:shared_key@alice ");
    String key = PlainCrypto.rsaDecrypt(after(mine), ALICE_KEYS.encryptionPrivateKey());
    assertThat(PlainCrypto.rsaDecrypt(after(theirs), BOB_KEYS.encryptionPrivateKey()))
        .isEqualTo(key);
    assertThat(PlainCrypto.aesDecrypt(put.value(), key, null)).isEqualTo("+1");
  }

  private static String after(String command) {
    return command.substring(command.indexOf(' ') + 1);
  }

  private static DataCodec codec(
      AtSign me, AtKeys keys, ScriptedSecondary server, ProtocolVersion version) {
    PublicKeys publicKeys = new PublicKeys(me, () -> keys, server);
    SharedKeys shared = new SharedKeys(me, () -> keys, CRYPTO, server, server, publicKeys, version);
    return new DataCodec(me, () -> keys, CRYPTO, version, server, server, shared, publicKeys);
  }

  private static String option(Update update, MetadataField field) {
    return update.options().get(field).map(o -> o.clears() ? null : o.value()).orElse(null);
  }

  private static String data(String data, String metadataFields) {
    return "{\"data\":\"" + data + "\",\"metaData\":{" + metadataFields + "}}";
  }

  private static JsonNode read(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
