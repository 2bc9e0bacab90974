package dev.atpj.protocol.crypto;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The atPlatform's cryptographic conventions in one place. Keys travel as base64 text: RSA public
 * keys as X.509 SubjectPublicKeyInfo, private keys as PKCS#8, AES keys as 32 raw bytes.
 * Thread-safe; BouncyCastle is used through this instance's own provider object, never registered
 * globally, and created on the first AES operation: the provider holds about a megabyte of service
 * tables, which a process hosting many atSigns should neither build per atSign nor build at all
 * when it never encrypts (an atServer only signs and verifies). Share one instance where many
 * atSigns run.
 */
public final class AtCrypto {
  /** RSA key size the platform uses. */
  public static final int RSA_BITS = 2048;

  /** AES key size the platform uses. */
  public static final int AES_BITS = 256;

  private static final byte[] ZERO_IV = new byte[16];

  private volatile Provider bouncyCastle;
  private final SecureRandom random = new SecureRandom();

  /** Generates an RSA-2048 key pair. */
  public KeyPair newRsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw failure("cannot generate an RSA key pair", e);
    }
  }

  /** Generates an AES-256 key, as base64 of its 32 bytes. */
  public String newAesKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(AES_BITS, random);
      return base64(generator.generateKey().getEncoded());
    } catch (GeneralSecurityException e) {
      throw failure("cannot generate an AES key", e);
    }
  }

  /**
   * The CRAM digest (docs/protocol.md B5, C4): lowercase hex of SHA-512 over the UTF-8 bytes of the
   * secret followed directly by the challenge.
   *
   * @param secret the shared secret
   * @param challenge the challenge text after {@code data:}
   * @return 128 hex characters
   */
  public static String cramDigest(String secret, String challenge) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-512")
              .digest((secret + challenge).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw failure("SHA-512 is not available", e);
    }
  }

  /** Sixteen random bytes as base64, for an {@code ivNonce}. */
  public String newIvNonce() {
    byte[] iv = new byte[16];
    random.nextBytes(iv);
    return base64(iv);
  }

  /** Base64 of a public key's X.509 encoding. */
  public static String encodePublicKey(PublicKey key) {
    return base64(key.getEncoded());
  }

  /** Base64 of a private key's PKCS#8 encoding. */
  public static String encodePrivateKey(PrivateKey key) {
    return base64(key.getEncoded());
  }

  /** Reads a base64 X.509 RSA public key. */
  public PublicKey decodePublicKey(String base64) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failure("not an RSA public key", e);
    }
  }

  /** Reads a base64 PKCS#8 RSA private key. */
  public PrivateKey decodePrivateKey(String base64) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failure("not an RSA private key", e);
    }
  }

  /** SHA256withRSA signature of the UTF-8 text, as base64 (PKAM, dataSignature). */
  public String sign(String text, PrivateKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return base64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw failure("cannot sign", e);
    }
  }

  /** Verifies a base64 SHA256withRSA signature of the UTF-8 text. */
  public boolean verify(String text, String base64Signature, PublicKey key) {
    return verify(text, base64Signature, key, "SHA256withRSA");
  }

  /**
   * Verifies a base64 signature of the UTF-8 text.
   *
   * @param text the signed text
   * @param base64Signature the signature
   * @param key the signer's public key
   * @param algorithm a JCA signature name such as {@code SHA256withRSA} or {@code SHA512withRSA}
   * @return whether the signature is valid; false for malformed input
   */
  public boolean verify(String text, String base64Signature, PublicKey key, String algorithm) {
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initVerify(key);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(base64Signature.trim()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** RSA PKCS#1 v1.5 encryption of the UTF-8 text (e.g. a base64 AES key), as base64. */
  public String rsaEncrypt(String text, PublicKey key) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.ENCRYPT_MODE, key, random);
      return base64(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw failure("cannot RSA-encrypt", e);
    }
  }

  /** Reverses {@link #rsaEncrypt}. */
  public String rsaDecrypt(String base64, PrivateKey key) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.DECRYPT_MODE, key);
      return new String(
          cipher.doFinal(Base64.getDecoder().decode(base64.trim())), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failure("cannot RSA-decrypt", e);
    }
  }

  /**
   * AES-256-CTR with PKCS#7 padding of the UTF-8 text, as base64.
   *
   * @param text the plaintext
   * @param aesKey base64 of the 32-byte key
   * @param ivNonce base64 of a 16-byte IV, or {@code null} for the legacy zero IV
   * @return base64 ciphertext
   */
  public String aesEncrypt(String text, String aesKey, String ivNonce) {
    return base64(aes(Cipher.ENCRYPT_MODE, text.getBytes(StandardCharsets.UTF_8), aesKey, ivNonce));
  }

  /** Reverses {@link #aesEncrypt}. */
  public String aesDecrypt(String base64, String aesKey, String ivNonce) {
    byte[] cipherText;
    try {
      cipherText = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw failure("ciphertext is not base64", e);
    }
    return new String(
        aes(Cipher.DECRYPT_MODE, cipherText, aesKey, ivNonce), StandardCharsets.UTF_8);
  }

  private byte[] aes(int mode, byte[] input, String aesKey, String ivNonce) {
    try {
      byte[] key = Base64.getDecoder().decode(aesKey.trim());
      byte[] iv = ivNonce == null ? ZERO_IV : Base64.getDecoder().decode(ivNonce.trim());
      Cipher cipher = Cipher.getInstance("AES/SIC/PKCS7Padding", bouncyCastle());
      cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failure(mode == Cipher.ENCRYPT_MODE ? "cannot AES-encrypt" : "cannot AES-decrypt", e);
    }
  }

  /** Whether the BouncyCastle provider has been created (it is, at the first AES operation). */
  boolean providerCreated() {
    return bouncyCastle != null;
  }

  private Provider bouncyCastle() {
    Provider provider = bouncyCastle;
    if (provider == null) {
      synchronized (this) {
        provider = bouncyCastle;
        if (provider == null) {
          provider = new BouncyCastleProvider();
          bouncyCastle = provider;
        }
      }
    }
    return provider;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static AtException failure(String what, Exception cause) {
    return new AtException(AtErrorCode.CLIENT_EXCEPTION, what, cause);
  }
}
