package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
  private final CertificateAuthority ca =
      CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(30), Clock.systemUTC());

  @Test
  void chainAndKeyRoundTripThroughFiles(@TempDir Path dir) throws IOException {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("localhost").withKeyAlgorithm(KeyAlgorithm.EC_P256));

    ServerCredentials files = issued.writeTo(dir);

    assertThat(Files.readString(files.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(files.certFile())).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(files.read()).isEqualTo(issued);
  }

  @Test
  void readsLegacyPkcs1RsaKey() throws IOException {
    KeyPair pair = KeyAlgorithm.RSA_2048.generate(new SecureRandom());
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pair.getPrivate());
    }

    assertThat(text.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.parsePrivateKey(text.toString(), "test").getEncoded())
        .isEqualTo(pair.getPrivate().getEncoded());
  }

  @Test
  void textWithoutCertificateIsAnError() {
    assertThatThrownBy(() -> Pem.parseCertificates("hello", "test"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no certificate in test");
    assertThatThrownBy(() -> Pem.parsePrivateKey(Pem.encodeCertificate(ca.certificate()), "x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no private key in x");
  }

  @Test
  void damagedBase64IsAnError() {
    String pem = Pem.encodeCertificate(ca.certificate()).replace('A', '*');

    assertThatThrownBy(() -> Pem.parseCertificates(pem, "test")).isInstanceOf(IOException.class);
  }
}
