package dev.atpj.client.vectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the committed test vectors under {@code src/test/resources/vectors} with {@link
 * PlainCrypto} only (never the SDK). Run once by hand; the files are committed and the tests check
 * the SDK against them:
 *
 * <pre>
 * ./mvnw -q -B test-compile -pl at-client -am
 * java -cp "at-client/target/test-classes:$(cat cp.txt)" dev.atpj.client.vectors.GenerateVectors \
 *     at-client/src/test/resources/vectors
 * </pre>
 */
public final class GenerateVectors {
  private GenerateVectors() {}

  /**
   * Writes the vectors.
   *
   * @param args the output folder
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    SecureRandom random = new SecureRandom();
    Map<String, Map<String, String>> keys = new TreeMap<>();
    for (String name : new String[] {"alice", "bob", "carol"}) {
      Map<String, String> k = new TreeMap<>();
      KeyPair pkam = rsa(random);
      KeyPair enc = rsa(random);
      byte[] self = new byte[32];
      random.nextBytes(self);
      k.put("pkamPublicKey", PlainCrypto.b64(pkam.getPublic().getEncoded()));
      k.put("pkamPrivateKey", PlainCrypto.b64(pkam.getPrivate().getEncoded()));
      k.put("encryptionPublicKey", PlainCrypto.b64(enc.getPublic().getEncoded()));
      k.put("encryptionPrivateKey", PlainCrypto.b64(enc.getPrivate().getEncoded()));
      k.put("selfEncryptionKey", PlainCrypto.b64(self));
      keys.put("@" + name, k);
    }
    json.writeValue(dir.resolve("keys.json").toFile(), keys);

    // at_java format for @alice (five fields + the Dart "@alice" field)
    json.writeValue(
        dir.resolve("@alice_key.atKeys").toFile(), atKeys(keys.get("@alice"), "@alice", false));
    // Dart format for @bob (extra fields: apkamSymmetricKey, enrollmentId)
    json.writeValue(
        dir.resolve("@bob_key.dart.atKeys").toFile(), atKeys(keys.get("@bob"), "@bob", true));

    Map<String, String> alice = keys.get("@alice");
    Map<String, String> bob = keys.get("@bob");
    ObjectNode v = json.createObjectNode();
    String self = alice.get("selfEncryptionKey");
    String iv1 = PlainCrypto.b64(bytes(random, 16));
    String iv2 = PlainCrypto.b64(bytes(random, 16));
    String shared = PlainCrypto.b64(bytes(random, 32));
    v.put("selfPlaintext", "my secret diary: café ☕");
    v.put("selfZeroIv", PlainCrypto.aesEncrypt(v.get("selfPlaintext").asText(), self, null));
    v.put("selfIvNonce", iv1);
    v.put("selfWithIv", PlainCrypto.aesEncrypt(v.get("selfPlaintext").asText(), self, iv1));
    v.put(
        "selfSignature",
        PlainCrypto.sign(v.get("selfPlaintext").asText(), alice.get("encryptionPrivateKey")));
    v.put("sharedKey", shared);
    v.put("sharedKeyForAlice", PlainCrypto.rsaEncrypt(shared, alice.get("encryptionPublicKey")));
    v.put("sharedKeyForBob", PlainCrypto.rsaEncrypt(shared, bob.get("encryptionPublicKey")));
    v.put("bobPubKeyCS", PlainCrypto.md5(bob.get("encryptionPublicKey")));
    v.put("sharedPlaintext", "+1 555 0100");
    v.put("sharedZeroIv", PlainCrypto.aesEncrypt("+1 555 0100", shared, null));
    v.put("sharedIvNonce", iv2);
    v.put("sharedWithIv", PlainCrypto.aesEncrypt("+1 555 0100", shared, iv2));
    v.put("publicPlaintext", "NYC");
    v.put("publicSignature", PlainCrypto.sign("NYC", alice.get("encryptionPrivateKey")));
    v.put("cramSecret", "b9f6a2d4e0c1");
    v.put(
        "cramChallenge",
        "_0b9f1b8e-1e61-4b7c-9a0e-6d1d1c2f3a4b@alice:8c2e4f4a-5d3b-4e0f-9b7a-2c1d0e9f8a7b");
    v.put("cramDigest", PlainCrypto.cramDigest("b9f6a2d4e0c1", v.get("cramChallenge").asText()));
    v.put(
        "pkamSignature",
        PlainCrypto.sign(v.get("cramChallenge").asText(), alice.get("pkamPrivateKey")));
    json.writeValue(dir.resolve("values.json").toFile(), v);
  }

  static ObjectNode atKeys(Map<String, String> k, String atSign, boolean dart) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    String self = k.get("selfEncryptionKey");
    Map<String, String> fields = new TreeMap<>();
    fields.put(
        "aesEncryptPrivateKey", PlainCrypto.aesEncrypt(k.get("encryptionPrivateKey"), self, null));
    fields.put(
        "aesEncryptPublicKey", PlainCrypto.aesEncrypt(k.get("encryptionPublicKey"), self, null));
    fields.put("aesPkamPrivateKey", PlainCrypto.aesEncrypt(k.get("pkamPrivateKey"), self, null));
    fields.put("aesPkamPublicKey", PlainCrypto.aesEncrypt(k.get("pkamPublicKey"), self, null));
    fields.put("selfEncryptionKey", self);
    fields.put(atSign, self);
    if (dart) {
      fields.put("apkamSymmetricKey", "kC8vS3nq1m3n8oZ0Jt1WJ9h0l4z8Zk2s3Q2m1b0c4d8=");
      fields.put("enrollmentId", "5b1c0c4e-3b1a-4f55-9e0b-2f4f7a9d6c21");
    }
    fields.forEach(out::put);
    return out;
  }

  private static KeyPair rsa(SecureRandom random) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, random);
    return g.generateKeyPair();
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
