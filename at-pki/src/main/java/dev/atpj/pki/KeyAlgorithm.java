package dev.atpj.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * The key types this package generates, with the signature algorithm a CA of that type signs with.
 *
 * <p>{@link #RSA_2048} is the CA default: every TLS stack we meet (netty-tcnative BoringSSL, JDK
 * TLS, {@code openssl s_client}, the plain {@code SSLSocket} that at_java uses, old Dart clients)
 * accepts it, and its signatures are the cheapest to verify. {@link #EC_P256} is the server default
 * (see {@link PkiConfig#DEFAULT_SERVER_KEY_ALGORITHM}): it is accepted by all of those too, and it
 * is much faster to generate and to sign a TLS handshake with.
 */
public enum KeyAlgorithm {
  /** RSA with a 2048-bit modulus, signing with SHA256withRSA. */
  RSA_2048("RSA", "SHA256withRSA"),
  /** ECDSA on NIST P-256 (secp256r1), signing with SHA256withECDSA. */
  EC_P256("EC", "SHA256withECDSA");

  private final String jcaName;
  private final String signatureAlgorithm;

  KeyAlgorithm(String jcaName, String signatureAlgorithm) {
    this.jcaName = jcaName;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The JCA signature algorithm a key of this type signs certificates with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * Generates a fresh key pair.
   *
   * @param random the source of randomness
   * @return a new key pair of this type
   */
  public KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
      if (this == RSA_2048) {
        generator.initialize(2048, random);
      } else {
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  /**
   * The signature algorithm to sign with a given private key (a loaded CA may be either type).
   *
   * @param key an RSA or EC private key
   * @return {@code SHA256withRSA} or {@code SHA256withECDSA}
   * @throws IllegalArgumentException for other key types
   */
  public static String signatureAlgorithmFor(PrivateKey key) {
    return of(key).signatureAlgorithm;
  }

  /**
   * The algorithm family of a key (the size or curve is not checked).
   *
   * @param key an RSA or EC key
   * @return {@link #RSA_2048} for RSA keys, {@link #EC_P256} for EC keys
   * @throws IllegalArgumentException for other key types
   */
  public static KeyAlgorithm of(java.security.Key key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> RSA_2048;
      case "EC", "ECDSA" -> EC_P256;
      default -> throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    };
  }
}
