package dev.atpj.pki;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PkiStore} creates and renews certificates.
 *
 * @param keyAlgorithm the key type of a new CA and of new server certificates
 * @param caValidity how long a new CA is valid
 * @param serverValidity how long a new server certificate is valid
 * @param renewBefore a certificate that expires within this time is replaced; must be shorter than
 *     both validities
 */
public record PkiConfig(
    KeyAlgorithm keyAlgorithm, Duration caValidity, Duration serverValidity, Duration renewBefore) {
  /** Default key type: RSA-2048, for the widest client compatibility. */
  public static final KeyAlgorithm DEFAULT_KEY_ALGORITHM = KeyAlgorithm.RSA_2048;

  /** Default CA validity: {@link CertificateAuthority#DEFAULT_VALIDITY}. */
  public static final Duration DEFAULT_CA_VALIDITY = CertificateAuthority.DEFAULT_VALIDITY;

  /** Default server certificate validity: {@link ServerCertificateRequest#DEFAULT_VALIDITY}. */
  public static final Duration DEFAULT_SERVER_VALIDITY = ServerCertificateRequest.DEFAULT_VALIDITY;

  /** Default renewal margin: 30 days. */
  public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofDays(30);

  /** Validates. */
  public PkiConfig {
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
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

  /** The defaults: RSA-2048, CA 10 years, servers 825 days, renew 30 days before expiry. */
  public static PkiConfig defaults() {
    return new PkiConfig(
        DEFAULT_KEY_ALGORITHM, DEFAULT_CA_VALIDITY, DEFAULT_SERVER_VALIDITY, DEFAULT_RENEW_BEFORE);
  }

  /**
   * A copy with another key type.
   *
   * @param newKeyAlgorithm the key type for new keys
   * @return the new config
   */
  public PkiConfig withKeyAlgorithm(KeyAlgorithm newKeyAlgorithm) {
    return new PkiConfig(newKeyAlgorithm, caValidity, serverValidity, renewBefore);
  }

  /**
   * A copy with another server certificate validity.
   *
   * @param newServerValidity how long new server certificates are valid
   * @return the new config
   */
  public PkiConfig withServerValidity(Duration newServerValidity) {
    return new PkiConfig(keyAlgorithm, caValidity, newServerValidity, renewBefore);
  }
}
