package dev.atpj.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A private certificate authority: a self-signed CA certificate and its key, which issues server
 * certificates.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create();
 * IssuedCertificate alice = ca.issueServerCertificate("127.0.0.2", Duration.ofDays(30));
 * ServerCredentials files = alice.writeTo(Path.of("pki/servers/alice"));
 * }</pre>
 *
 * <p>Issued certificates are backdated by {@link #BACKDATE} to tolerate clock skew between hosts
 * and never outlive the CA. Instances are immutable and thread-safe.
 */
public final class CertificateAuthority {
  /** Default CA validity: ten years. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

  /** Start of the subject CN of a created CA; a random suffix follows. */
  public static final String COMMON_NAME_PREFIX = "atpj private CA ";

  /** How far before "now" certificates start to be valid. */
  public static final Duration BACKDATE = Duration.ofHours(1);

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, Clock clock) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.clock = clock;
  }

  /**
   * Creates a new CA with an RSA-2048 key, valid for {@link #DEFAULT_VALIDITY}.
   *
   * @return the new CA
   */
  public static CertificateAuthority create() {
    return create(KeyAlgorithm.RSA_2048, DEFAULT_VALIDITY, Clock.systemUTC());
  }

  /**
   * Creates a new self-signed CA: subject {@code CN=atpj private CA <random hex>}, critical {@code
   * CA:true}, key usage keyCertSign, cRLSign and digitalSignature.
   *
   * @param keyAlgorithm the CA key type
   * @param validity how long the CA is valid from now
   * @param clock the time source for validity and later issuing
   * @return the new CA
   */
  public static CertificateAuthority create(
      KeyAlgorithm keyAlgorithm, Duration validity, Clock clock) {
    SecureRandom random = new SecureRandom();
    KeyPair keyPair = keyAlgorithm.generate(random);
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    Instant now = clock.instant();
    X509Certificate certificate =
        CertificateSigner.selfSignedCa(
            new X500NameBuilder()
                .addRDN(BCStyle.CN, COMMON_NAME_PREFIX + HexFormat.of().formatHex(suffix))
                .build(),
            keyPair.getPublic(),
            keyPair.getPrivate(),
            now.minus(BACKDATE),
            now.plus(validity),
            random);
    return new CertificateAuthority(certificate, keyPair.getPrivate(), clock);
  }

  /**
   * Wraps an existing CA certificate and key.
   *
   * @param certificate a CA certificate (basicConstraints CA:true)
   * @param privateKey its private key
   * @param clock the time source for issuing
   * @return the CA
   * @throws IllegalArgumentException when the certificate is not a CA or the key does not match
   */
  public static CertificateAuthority of(
      X509Certificate certificate, PrivateKey privateKey, Clock clock) {
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "not a CA certificate: " + certificate.getSubjectX500Principal());
    }
    if (!KeyPairs.matches(privateKey, certificate.getPublicKey())) {
      throw new IllegalArgumentException("the private key does not belong to the CA certificate");
    }
    return new CertificateAuthority(certificate, privateKey, Objects.requireNonNull(clock));
  }

  /**
   * Loads a CA from PEM files, e.g. {@code pki/ca.pem} and {@code pki/ca.key}.
   *
   * @param certFile the CA certificate (the first certificate in the file is used)
   * @param keyFile its unencrypted private key (PKCS#8, PKCS#1 or SEC1)
   * @param clock the time source for issuing
   * @return the CA
   * @throws IOException when a file is missing or invalid, or the pair is not a CA
   */
  public static CertificateAuthority load(Path certFile, Path keyFile, Clock clock)
      throws IOException {
    X509Certificate certificate = Pem.readCertificate(certFile);
    PrivateKey privateKey = Pem.readPrivateKey(keyFile);
    try {
      return of(certificate, privateKey, clock);
    } catch (IllegalArgumentException e) {
      throw new IOException(certFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads a CA from PEM files with the system clock.
   *
   * @param certFile the CA certificate
   * @param keyFile its unencrypted private key
   * @return the CA
   * @throws IOException when a file is missing or invalid, or the pair is not a CA
   */
  public static CertificateAuthority load(Path certFile, Path keyFile) throws IOException {
    return load(certFile, keyFile, Clock.systemUTC());
  }

  /** The CA certificate: what clients and servers must trust. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA's private key. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** When the CA certificate expires. */
  public Instant expiresAt() {
    return certificate.getNotAfter().toInstant();
  }

  /**
   * Issues a server certificate for one host with a new RSA-2048 key.
   *
   * @param host an IP literal (gets an IP SAN) or DNS name (gets a DNS SAN); also the CN
   * @param validity how long the certificate is valid from now
   * @return the certificate, its key and this CA's certificate
   */
  public IssuedCertificate issueServerCertificate(String host, Duration validity) {
    return issueServerCertificate(ServerCertificateRequest.forHost(host).withValidity(validity));
  }

  /**
   * Issues a server certificate with a new key pair: CN = primary host, one SAN per host, extended
   * key usage serverAuth and clientAuth (atServers present it as a client certificate to each
   * other), {@code CA:false}, a random serial.
   *
   * @param request hosts, validity and key type
   * @return the certificate, its key and this CA's certificate
   */
  public IssuedCertificate issueServerCertificate(ServerCertificateRequest request) {
    return issueServerCertificate(request, request.keyAlgorithm().generate(random));
  }

  /**
   * Issues a server certificate for an existing key pair (tests reuse one key for speed); the
   * request's key type is ignored.
   *
   * @param request hosts and validity
   * @param keyPair the leaf's key pair
   * @return the certificate, its key and this CA's certificate
   */
  public IssuedCertificate issueServerCertificate(
      ServerCertificateRequest request, KeyPair keyPair) {
    Instant now = clock.instant();
    Instant notAfter = now.plus(request.validity());
    if (notAfter.isAfter(expiresAt())) {
      notAfter = expiresAt();
    }
    X509Certificate leaf =
        CertificateSigner.serverLeaf(
            certificate,
            privateKey,
            request.hosts(),
            keyPair.getPublic(),
            now.minus(BACKDATE),
            notAfter,
            random);
    return new IssuedCertificate(leaf, keyPair.getPrivate(), certificate);
  }

  /**
   * Tells whether this CA signed a certificate: the issuer is this CA's subject and the signature
   * verifies with this CA's key. Validity dates are not checked.
   *
   * @param candidate any certificate
   * @return true when this CA issued it
   */
  public boolean hasIssued(X509Certificate candidate) {
    if (!candidate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
      return false;
    }
    try {
      candidate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Writes the CA certificate (world-readable) and key (owner-only, PKCS#8), each atomically; the
   * key first.
   *
   * @param certFile where the certificate goes, e.g. {@code pki/ca.pem}
   * @param keyFile where the key goes, e.g. {@code pki/ca.key}
   * @throws IOException when a file cannot be written
   */
  public void writeTo(Path certFile, Path keyFile) throws IOException {
    AtomicFiles.writeString(keyFile, Pem.encodePrivateKey(privateKey), AtomicFiles.OWNER_ONLY);
    AtomicFiles.writeString(
        certFile, Pem.encodeCertificates(List.of(certificate)), AtomicFiles.WORLD_READABLE);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
