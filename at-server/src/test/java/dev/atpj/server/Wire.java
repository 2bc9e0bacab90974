package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Authentication steps for wire tests, as at_java performs them (docs/protocol.md C4). */
final class Wire {
  private Wire() {}

  /** Two RSA key pairs generated once per test run (generation is slow), for PKAM and friends. */
  static final class Keys {
    static final java.security.KeyPair FIRST = new AtCrypto().newRsaKeyPair();
    static final java.security.KeyPair SECOND = new AtCrypto().newRsaKeyPair();

    private Keys() {}
  }

  /** Connects to a server and authenticates as its owner with the fixture's CRAM secret. */
  static WireClient owner(AtServerFixture fixture, AtServer server) {
    WireClient client = fixture.connect(server);
    cram(client, server.atSign().toString());
    return client;
  }

  /** Sends {@code from} and returns the challenge after {@code data:}. */
  static String challenge(WireClient client, String atSign) {
    String reply = client.command("from:" + atSign);
    assertThat(reply).startsWith("data:_");
    return reply.substring("data:".length());
  }

  /** Authenticates with CRAM using the fixture's secret. */
  static void cram(WireClient client, String atSign) {
    String challenge = challenge(client, atSign);
    String digest = AtCrypto.cramDigest(AtServerFixture.secretOf(atSign), challenge);
    assertThat(client.command("cram:" + digest)).isEqualTo("data:success");
    assertThat(client.lastPrompt()).isEqualTo(atSign + "@");
  }

  /** The reply to a CRAM attempt with the given secret. */
  static String cramWith(WireClient client, String atSign, String secret) {
    String challenge = challenge(client, atSign);
    return client.command("cram:" + AtCrypto.cramDigest(secret, challenge));
  }

  /** The reply to a bare {@code pkam:} with a SHA256withRSA signature of a fresh challenge. */
  static String pkam(WireClient client, String atSign, PrivateKey key) {
    String challenge = challenge(client, atSign);
    return client.command("pkam:" + new AtCrypto().sign(challenge, key));
  }

  /** A base64 signature of the UTF-8 text with any JCA algorithm. */
  static String sign(String text, PrivateKey key, String algorithm) throws Exception {
    Signature signature = Signature.getInstance(algorithm);
    signature.initSign(key);
    signature.update(text.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(signature.sign());
  }
}
