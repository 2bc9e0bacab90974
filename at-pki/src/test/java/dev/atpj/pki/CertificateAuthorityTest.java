package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateAuthorityTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  private CertificateAuthority ca;

  @BeforeAll
  void createCa() {
    ca = CertificateAuthority.create();
  }

  @Test
  void caIsSelfSignedRsaCaWithCriticalBasicConstraints() throws Exception {
    X509Certificate cert = ca.certificate();

    assertThat(cert.getSubjectX500Principal().getName())
        .startsWith("CN=" + CertificateAuthority.COMMON_NAME_PREFIX);
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    cert.verify(cert.getPublicKey());
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(cert.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
    assertThat(cert.getKeyUsage()[CRL_SIGN]).isTrue();
    assertThat(Duration.between(Instant.now(), cert.getNotAfter().toInstant()))
        .isGreaterThan(Duration.ofDays(3600));
  }

  @Test
  void twoCasHaveDistinctNames() {
    CertificateAuthority other =
        CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(1), Clock.systemUTC());

    assertThat(other.certificate().getSubjectX500Principal())
        .isNotEqualTo(ca.certificate().getSubjectX500Principal());
  }

  @Test
  void ipLiteralGetsIpSanAndCn() throws Exception {
    IssuedCertificate issued = ca.issueServerCertificate("127.0.0.2", Duration.ofDays(30));
    X509Certificate leaf = issued.certificate();

    assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.2"));
    assertThat(CertificateHosts.commonNames(leaf)).containsExactly("127.0.0.2");
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
    assertThat(leaf.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
    assertThat(leaf.getKeyUsage()[KEY_ENCIPHERMENT]).isTrue();
    assertThat(leaf.getKeyUsage()[KEY_CERT_SIGN]).isFalse();
    assertThat(issued.chain()).containsExactly(leaf, ca.certificate());
    assertThat(ca.hasIssued(leaf)).isTrue();
  }

  @Test
  void dnsNameGetsDnsSanAndExtraHostsFollow() throws Exception {
    ServerCertificateRequest request =
        ServerCertificateRequest.forHost("Alice.Example.com")
            .withExtraHosts("localhost", "127.0.0.1", "::1", "localhost")
            .withKeyAlgorithm(KeyAlgorithm.EC_P256);

    X509Certificate leaf = ca.issueServerCertificate(request).certificate();

    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "alice.example.com"),
            List.of(2, "localhost"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(CertificateHosts.commonNames(leaf)).containsExactly("alice.example.com");
    assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void serialsAreRandomAndPositive() {
    ServerCertificateRequest request =
        ServerCertificateRequest.forHost("localhost").withKeyAlgorithm(KeyAlgorithm.EC_P256);
    X509Certificate first = ca.issueServerCertificate(request).certificate();
    X509Certificate second = ca.issueServerCertificate(request).certificate();

    assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
    assertThat(first.getSerialNumber().signum()).isPositive();
    assertThat(first.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
  }

  @Test
  void chainValidatesWithJdkPkix() throws Exception {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("127.0.0.2").withKeyAlgorithm(KeyAlgorithm.EC_P256));

    validate(issued.certificate(), ca.certificate());
  }

  @Test
  void chainFromAnotherCaDoesNotValidate() {
    CertificateAuthority stranger =
        CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(1), Clock.systemUTC());
    X509Certificate leaf =
        stranger
            .issueServerCertificate(
                ServerCertificateRequest.forHost("localhost")
                    .withKeyAlgorithm(KeyAlgorithm.EC_P256))
            .certificate();

    assertThatThrownBy(() -> validate(leaf, ca.certificate()))
        .isInstanceOf(CertPathValidatorException.class);
    assertThat(ca.hasIssued(leaf)).isFalse();
  }

  @Test
  void leafNeverOutlivesCa() {
    CertificateAuthority shortLived =
        CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(10), Clock.systemUTC());

    X509Certificate leaf =
        shortLived
            .issueServerCertificate(
                ServerCertificateRequest.forHost("localhost")
                    .withKeyAlgorithm(KeyAlgorithm.EC_P256)
                    .withValidity(Duration.ofDays(100)))
            .certificate();

    assertThat(leaf.getNotAfter()).isEqualTo(shortLived.certificate().getNotAfter());
  }

  @Test
  void writtenCaLoadsBackAndKeepsIssuing(@TempDir Path dir) throws IOException {
    ca.writeTo(dir.resolve("ca.pem"), dir.resolve("ca.key"));

    CertificateAuthority loaded =
        CertificateAuthority.load(dir.resolve("ca.pem"), dir.resolve("ca.key"));

    assertThat(loaded.certificate()).isEqualTo(ca.certificate());
    X509Certificate leaf =
        loaded
            .issueServerCertificate(
                ServerCertificateRequest.forHost("localhost")
                    .withKeyAlgorithm(KeyAlgorithm.EC_P256))
            .certificate();
    assertThat(ca.hasIssued(leaf)).isTrue();
  }

  @Test
  void leafIsNotAcceptedAsCa() {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("localhost").withKeyAlgorithm(KeyAlgorithm.EC_P256));

    assertThatThrownBy(
            () ->
                CertificateAuthority.of(
                    issued.certificate(), issued.privateKey(), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a CA");
  }

  @Test
  void caWithForeignKeyIsRejected() {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("localhost").withKeyAlgorithm(KeyAlgorithm.EC_P256));

    assertThatThrownBy(
            () -> CertificateAuthority.of(ca.certificate(), issued.privateKey(), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
  }

  private static void validate(X509Certificate leaf, X509Certificate trusted) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trusted, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(factory.generateCertPath(List.of(leaf)), parameters);
  }
}
