package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.WireClient;
import java.security.KeyPair;
import java.security.PrivateKey;

/** Wire steps of APKAM enrollment shared by the enrollment wire tests (docs/protocol.md B15). */
final class EnrollWire {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnrollWire() {}

  /** {@code pkam} naming an enrollment, as at_java and the Dart SDK send it. */
  static String pkam(WireClient client, String atSign, String enrollmentId, PrivateKey key) {
    String challenge = Wire.challenge(client, atSign);
    return client.command(
        "pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:"
            + enrollmentId
            + ":"
            + new AtCrypto().sign(challenge, key));
  }

  /** The JSON of a {@code data:} reply. */
  static JsonNode data(String reply) {
    assertThat(reply).startsWith("data:{");
    try {
      return JSON.readTree(reply.substring("data:".length()));
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + reply, e);
    }
  }

  /** An {@code enroll:request} from a new device, with a one-time password. */
  static String request(WireClient client, String otp, String app, KeyPair apkam) {
    return client.command(
        "enroll:request:{\"appName\":\""
            + app
            + "\",\"deviceName\":\"phone\",\"namespaces\":{\""
            + app
            + "\":\"rw\"},\"otp\":\""
            + otp
            + "\",\"apkamPublicKey\":\""
            + AtCrypto.encodePublicKey(apkam.getPublic())
            + "\",\"encryptedAPKAMSymmetricKey\":\"sym-of-"
            + app
            + "\",\"apkamKeysExpiryInMillis\":0}");
  }

  /** A fresh one-time password from an authenticated connection. */
  static String otp(WireClient owner) {
    String reply = owner.command("otp:get");
    assertThat(reply).matches("data:[A-NP-Z1-9]{6}");
    return reply.substring("data:".length());
  }

  /** Runs an enroll operation naming one enrollment and returns the reply. */
  static String decide(WireClient owner, String operation, String enrollmentId) {
    return owner.command("enroll:" + operation + ":{\"enrollmentId\":\"" + enrollmentId + "\"}");
  }
}
