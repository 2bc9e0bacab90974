package dev.atpj.client.keys;

import dev.atpj.protocol.crypto.AtCrypto;
import java.security.KeyPair;
import java.util.Objects;

/**
 * The keys an atSign's owner holds, as base64 text: the PKAM pair (authenticates to the atServer),
 * the encryption pair (others encrypt shared keys for this atSign with its public half) and the
 * AES-256 self-encryption key (encrypts the owner's own data).
 *
 * @param pkamPublicKey base64 X.509 PKAM public key
 * @param pkamPrivateKey base64 PKCS#8 PKAM private key
 * @param encryptionPublicKey base64 X.509 encryption public key
 * @param encryptionPrivateKey base64 PKCS#8 encryption private key
 * @param selfEncryptionKey base64 of the 32-byte AES key
 */
public record AtKeys(
    String pkamPublicKey,
    String pkamPrivateKey,
    String encryptionPublicKey,
    String encryptionPrivateKey,
    String selfEncryptionKey) {

  /** Checks that every key is present. */
  public AtKeys {
    Objects.requireNonNull(pkamPublicKey, "pkamPublicKey");
    Objects.requireNonNull(pkamPrivateKey, "pkamPrivateKey");
    Objects.requireNonNull(encryptionPublicKey, "encryptionPublicKey");
    Objects.requireNonNull(encryptionPrivateKey, "encryptionPrivateKey");
    Objects.requireNonNull(selfEncryptionKey, "selfEncryptionKey");
  }

  /**
   * Generates a complete new set: two RSA-2048 pairs and an AES-256 key.
   *
   * @param crypto the crypto conventions
   * @return new keys
   */
  public static AtKeys generate(AtCrypto crypto) {
    KeyPair pkam = crypto.newRsaKeyPair();
    KeyPair encryption = crypto.newRsaKeyPair();
    return new AtKeys(
        AtCrypto.encodePublicKey(pkam.getPublic()),
        AtCrypto.encodePrivateKey(pkam.getPrivate()),
        AtCrypto.encodePublicKey(encryption.getPublic()),
        AtCrypto.encodePrivateKey(encryption.getPrivate()),
        crypto.newAesKey());
  }

  /** Keeps the private keys out of logs. */
  @Override
  public String toString() {
    return "AtKeys[pkamPublicKey=" + pkamPublicKey + ", private keys hidden]";
  }
}
