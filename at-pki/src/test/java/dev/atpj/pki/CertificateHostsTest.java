package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CertificateHostsTest {
  @Test
  void recognisesIpLiterals() {
    assertThat(CertificateHosts.isIpLiteral("127.0.0.2")).isTrue();
    assertThat(CertificateHosts.isIpLiteral("::1")).isTrue();
    assertThat(CertificateHosts.isIpLiteral("[2001:db8::1]")).isTrue();
    assertThat(CertificateHosts.isIpLiteral("localhost")).isFalse();
    assertThat(CertificateHosts.isIpLiteral("127.0.0.256")).isFalse();
  }

  @Test
  void normalisesHosts() {
    assertThat(CertificateHosts.normalize(" Alice.Example.COM. ")).isEqualTo("alice.example.com");
    assertThat(CertificateHosts.normalize("[::1]")).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(CertificateHosts.normalize("bücher.example")).isEqualTo("xn--bcher-kva.example");
    assertThatThrownBy(() -> CertificateHosts.normalize("a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateHosts.normalize("*.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesExactSanOrCnOnly() {
    CertificateAuthority ca =
        CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(1), Clock.systemUTC());
    X509Certificate leaf =
        ca.issueServerCertificate(
                ServerCertificateRequest.forHost("alice.example.com")
                    .withExtraHosts("::1")
                    .withKeyAlgorithm(KeyAlgorithm.EC_P256))
            .certificate();

    assertThat(CertificateHosts.matchesHost(leaf, "ALICE.example.com.")).isTrue();
    assertThat(CertificateHosts.matchesHost(leaf, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(CertificateHosts.matchesHost(leaf, "[::1]")).isTrue();
    assertThat(CertificateHosts.matchesHost(leaf, "example.com")).isFalse();
    assertThat(CertificateHosts.matchesHost(leaf, "lice.example.com")).isFalse();
    assertThat(CertificateHosts.matchesHost(leaf, "127.0.0.1")).isFalse();
    assertThat(CertificateHosts.matchesHost(leaf, "not a host")).isFalse();
    assertThat(CertificateHosts.namesOf(leaf))
        .containsExactly("alice.example.com", "0:0:0:0:0:0:0:1", "alice.example.com");
  }
}
