package dev.atpj.pki;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PkiStore} creates and renews certificates.
 *
 * @param keyAlgorithm the key type of a new CA
 * @param serverKeyAlgorithm the key type of new server certificates; a stored certificate with
 *     another key type is reissued
 * @param caValidity how long a new CA is valid
 * @param serverValidity how long a new server certificate is valid
 * @param renewBefore a certificate that expires within this time is replaced; must be shorter than
 *     both validities
 */
public record PkiConfig(
    KeyAlgorithm keyAlgorithm,
    KeyAlgorithm serverKeyAlgorithm,
    Duration caValidity,
    Duration serverValidity,
    Duration renewBefore) {
  /**
   * Default CA key type: RSA-2048. A client checks the CA's signature on every server certificate
   * it sees; RSA signatures are the cheapest to verify, and every TLS stack accepts them.
   */
  public static final KeyAlgorithm DEFAULT_KEY_ALGORITHM = KeyAlgorithm.RSA_2048;

  /**
   * Default server key type: ECDSA P-256. A server signs every full TLS handshake with its key (and
   * an atServer signs again as client of another atServer); ECDSA P-256 signing costs a small
   * fraction of RSA-2048's, which is most of the CPU of a new connection. JDK TLS (at_java),
   * BoringSSL, OpenSSL and Dart accept it; {@link KeyAlgorithm#RSA_2048} remains for clients that
   * do not.
   */
  public static final KeyAlgorithm DEFAULT_SERVER_KEY_ALGORITHM = KeyAlgorithm.EC_P256;

  /** Default CA validity: {@link CertificateAuthority#DEFAULT_VALIDITY}. */
  public static final Duration DEFAULT_CA_VALIDITY = CertificateAuthority.DEFAULT_VALIDITY;

  /** Default server certificate validity: {@link ServerCertificateRequest#DEFAULT_VALIDITY}. */
  public static final Duration DEFAULT_SERVER_VALIDITY = ServerCertificateRequest.DEFAULT_VALIDITY;

  /** Default renewal margin: 30 days. */
  public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofDays(30);

  /** Validates. */
  public PkiConfig {
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    Objects.requireNonNull(serverKeyAlgorithm, "serverKeyAlgorithm");
    Objects.requireNonNull(caValidity, "caValidity");
    Objects.requireNonNull(serverValidity, "serverValidity");
    Objects.requireNonNull(renewBefore, "renewBefore");
    if (renewBefore.isNegative()) {
      throw new IllegalArgumentException("renewBefore must not be negative: " + renewBefore);
    }
    if (serverValidity.compareTo(renewBefore) <= 0 || caValidity.compareTo(renewBefore) <= 0) {
      throw new IllegalArgumentException(
          "validities must be longer than renewBefore, or every start would reissue");
    }
  }

  /**
   * The defaults: an RSA-2048 CA valid 10 years, ECDSA P-256 servers valid 825 days, renewed 30
   * days before expiry.
   */
  public static PkiConfig defaults() {
    return new PkiConfig(
        DEFAULT_KEY_ALGORITHM,
        DEFAULT_SERVER_KEY_ALGORITHM,
        DEFAULT_CA_VALIDITY,
        DEFAULT_SERVER_VALIDITY,
        DEFAULT_RENEW_BEFORE);
  }

  /**
   * A copy with another key type for new keys, the CA's and the servers'.
   *
   * @param newKeyAlgorithm the key type for new keys
   * @return the new config
   */
  public PkiConfig withKeyAlgorithm(KeyAlgorithm newKeyAlgorithm) {
    return new PkiConfig(newKeyAlgorithm, newKeyAlgorithm, caValidity, serverValidity, renewBefore);
  }

  /**
   * A copy with another key type for server certificates (the CA's stays).
   *
   * @param newServerKeyAlgorithm the key type for new server keys
   * @return the new config
   */
  public PkiConfig withServerKeyAlgorithm(KeyAlgorithm newServerKeyAlgorithm) {
    return new PkiConfig(
        keyAlgorithm, newServerKeyAlgorithm, caValidity, serverValidity, renewBefore);
  }

  /**
   * A copy with another server certificate validity.
   *
   * @param newServerValidity how long new server certificates are valid
   * @return the new config
   */
  public PkiConfig withServerValidity(Duration newServerValidity) {
    return new PkiConfig(
        keyAlgorithm, serverKeyAlgorithm, caValidity, newServerValidity, renewBefore);
  }
}
