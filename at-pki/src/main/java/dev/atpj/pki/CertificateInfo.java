package dev.atpj.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What a person wants to see about a certificate, e.g. for {@code ./atp pki show}.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param serialNumber the serial number in lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param hosts the DNS and IP subject alternative names
 * @param certificateAuthority whether the certificate is a CA
 * @param keyAlgorithm the public key's algorithm, e.g. {@code RSA} or {@code EC}
 * @param sha256Fingerprint SHA-256 of the DER encoding, upper-case hex pairs joined by {@code :}
 *     (as {@code openssl x509 -fingerprint -sha256} prints it)
 */
public record CertificateInfo(
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    List<String> hosts,
    boolean certificateAuthority,
    String keyAlgorithm,
    String sha256Fingerprint) {
  /** Copies the host list. */
  public CertificateInfo {
    hosts = List.copyOf(hosts);
  }

  /**
   * Describes a certificate.
   *
   * @param certificate any X.509 certificate
   * @return its description
   */
  public static CertificateInfo of(X509Certificate certificate) {
    return new CertificateInfo(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        CertificateHosts.subjectAlternativeNames(certificate),
        certificate.getBasicConstraints() >= 0,
        certificate.getPublicKey().getAlgorithm(),
        fingerprint(certificate));
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }
}
