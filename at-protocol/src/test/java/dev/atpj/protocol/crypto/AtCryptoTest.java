package dev.atpj.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AtCryptoTest {
  private final AtCrypto crypto = new AtCrypto();

  @Test
  void aesRoundTripsWithZeroIvAndWithNonce() {
    String key = crypto.newAesKey();
    String nonce = crypto.newIvNonce();
    String text = "Conservatory Water at East 74th Street 🦆";
    assertThat(crypto.aesDecrypt(crypto.aesEncrypt(text, key, null), key, null)).isEqualTo(text);
    assertThat(crypto.aesDecrypt(crypto.aesEncrypt(text, key, nonce), key, nonce)).isEqualTo(text);
    assertThat(crypto.aesEncrypt(text, key, nonce))
        .isNotEqualTo(crypto.aesEncrypt(text, key, null));
  }

  /** CTR with PKCS#7, checked against the JDK's own AES-CTR over a hand-padded block. */
  @Test
  void aesIsCtrModeOverPkcs7PaddedPlaintext() throws Exception {
    String key = crypto.newAesKey();
    byte[] plain = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(plain, 16);
    Arrays.fill(padded, plain.length, 16, (byte) (16 - plain.length));
    Cipher jdk = Cipher.getInstance("AES/CTR/NoPadding");
    jdk.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
        new IvParameterSpec(new byte[16]));
    String expected = Base64.getEncoder().encodeToString(jdk.doFinal(padded));
    assertThat(crypto.aesEncrypt("hello", key, null)).isEqualTo(expected);
  }

  @Test
  void theBouncyCastleProviderIsBuiltOnlyForAes() {
    AtCrypto fresh = new AtCrypto();
    KeyPair pair = fresh.newRsaKeyPair();
    fresh.verify("text", fresh.sign("text", pair.getPrivate()), pair.getPublic());
    assertThat(fresh.providerCreated()).isFalse();
    String key = fresh.newAesKey();
    assertThat(fresh.aesDecrypt(fresh.aesEncrypt("x", key, null), key, null)).isEqualTo("x");
    assertThat(fresh.providerCreated()).isTrue();
  }

  @Test
  void signaturesVerifyAndDetectTampering() {
    KeyPair pair = crypto.newRsaKeyPair();
    String signature = crypto.sign("_abc@alice:def", pair.getPrivate());
    assertThat(crypto.verify("_abc@alice:def", signature, pair.getPublic())).isTrue();
    assertThat(crypto.verify("_abc@alice:deF", signature, pair.getPublic())).isFalse();
    assertThat(crypto.verify("x", "not base64!", pair.getPublic())).isFalse();
  }

  @Test
  void rsaWrapsAnAesKey() {
    KeyPair pair = crypto.newRsaKeyPair();
    String aes = crypto.newAesKey();
    String wrapped = crypto.rsaEncrypt(aes, pair.getPublic());
    assertThat(crypto.rsaDecrypt(wrapped, pair.getPrivate())).isEqualTo(aes);
  }

  @Test
  void keysRoundTripThroughBase64() {
    KeyPair pair = crypto.newRsaKeyPair();
    assertThat(crypto.decodePublicKey(AtCrypto.encodePublicKey(pair.getPublic())))
        .isEqualTo(pair.getPublic());
    assertThat(crypto.decodePrivateKey(AtCrypto.encodePrivateKey(pair.getPrivate())))
        .isEqualTo(pair.getPrivate());
    assertThatThrownBy(() -> crypto.decodePublicKey("bm90IGEga2V5"))
        .isInstanceOf(AtException.class);
  }

  /** The whitepaper's cram transcript cannot be replayed without its secret; check the shape. */
  @Test
  void cramDigestIsLowercaseHexSha512OfSecretThenChallenge() throws Exception {
    String digest = AtCrypto.cramDigest("secret", "_abc@alice:123");
    byte[] expected =
        java.security.MessageDigest.getInstance("SHA-512")
            .digest("secret_abc@alice:123".getBytes(StandardCharsets.UTF_8));
    assertThat(digest).hasSize(128).isEqualTo(java.util.HexFormat.of().formatHex(expected));
  }
}
