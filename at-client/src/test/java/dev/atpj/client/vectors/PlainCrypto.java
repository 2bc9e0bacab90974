package dev.atpj.client.vectors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The documented algorithms (docs/protocol.md C4, C6, C7, C11) written again with plain JDK calls
 * and nothing from the SDK: AES-256-CTR without padding plus PKCS#7 by hand, RSA PKCS#1 v1.5,
 * SHA256withRSA, SHA-512 and MD5. Test vectors are made and checked with it, so the SDK is compared
 * with an independent implementation.
 */
public final class PlainCrypto {
  private PlainCrypto() {}

  /** AES-256-CTR of UTF-8 text with PKCS#7 padding; iv null means sixteen zero bytes. */
  public static String aesEncrypt(String text, String base64Key, String base64Iv) {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    int pad = 16 - plain.length % 16;
    byte[] padded = Arrays.copyOf(plain, plain.length + pad);
    Arrays.fill(padded, plain.length, padded.length, (byte) pad);
    return b64(ctr(Cipher.ENCRYPT_MODE, padded, base64Key, base64Iv));
  }

  /** Reverses {@link #aesEncrypt}, checking the padding. */
  public static String aesDecrypt(String base64Cipher, String base64Key, String base64Iv) {
    byte[] padded = ctr(Cipher.DECRYPT_MODE, unb64(base64Cipher), base64Key, base64Iv);
    int pad = padded[padded.length - 1] & 0xFF;
    if (pad < 1 || pad > 16 || padded.length % 16 != 0) {
      throw new IllegalStateException("bad PKCS#7 padding");
    }
    for (int i = padded.length - pad; i < padded.length; i++) {
      if ((padded[i] & 0xFF) != pad) {
        throw new IllegalStateException("bad PKCS#7 padding");
      }
    }
    return new String(padded, 0, padded.length - pad, StandardCharsets.UTF_8);
  }

  /** RSA PKCS#1 v1.5 encryption of UTF-8 text, base64. */
  public static String rsaEncrypt(String text, String base64PublicKey) {
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      rsa.init(Cipher.ENCRYPT_MODE, publicKey(base64PublicKey));
      return b64(rsa.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reverses {@link #rsaEncrypt}. */
  public static String rsaDecrypt(String base64Cipher, String base64PrivateKey) {
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      rsa.init(Cipher.DECRYPT_MODE, privateKey(base64PrivateKey));
      return new String(rsa.doFinal(unb64(base64Cipher)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA256withRSA signature of UTF-8 text, base64. */
  public static String sign(String text, String base64PrivateKey) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(privateKey(base64PrivateKey));
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return b64(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies a SHA256withRSA signature. */
  public static boolean verify(String text, String base64Signature, String base64PublicKey) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(publicKey(base64PublicKey));
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.verify(unb64(base64Signature));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lowercase hex SHA-512 of secret followed by challenge (CRAM). */
  public static String cramDigest(String secret, String challenge) {
    return hex("SHA-512", secret + challenge);
  }

  /** Lowercase hex MD5 of the text (Dart {@code pubKeyCS}). */
  public static String md5(String text) {
    return hex("MD5", text);
  }

  static PublicKey publicKey(String base64) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(unb64(base64)));
  }

  static PrivateKey privateKey(String base64) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unb64(base64)));
  }

  private static byte[] ctr(int mode, byte[] input, String base64Key, String base64Iv) {
    try {
      byte[] iv = base64Iv == null ? new byte[16] : unb64(base64Iv);
      Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
      aes.init(mode, new SecretKeySpec(unb64(base64Key), "AES"), new IvParameterSpec(iv));
      return aes.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] unb64(String text) {
    return Base64.getDecoder().decode(text.trim());
  }
}
