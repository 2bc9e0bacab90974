package dev.atpj.cli.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.pki.CertificateHosts;
import dev.atpj.pki.Pem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandsTest {
  @TempDir Path home;

  private CliRunner atp() {
    return new CliRunner(home).variable("ATPJ_HOME", home.toString());
  }

  @Test
  void initCreatesTheCaOnceAndExportsATrustStore() throws Exception {
    Result created = atp().run("pki", "init");
    assertThat(created.exitCode()).isZero();
    assertThat(created.out())
        .contains("created a CA: " + home.resolve("pki/ca.pem"), "CA:          yes");
    byte[] ca = Files.readAllBytes(home.resolve("pki/ca.pem"));

    Path store = home.resolve("trust.p12");
    Result kept = atp().run("pki", "init", "--trust-store", store.toString());
    assertThat(kept.exitCode()).isZero();
    assertThat(kept.out()).contains("kept the CA", "wrote trust store " + store);
    assertThat(Files.readAllBytes(home.resolve("pki/ca.pem"))).isEqualTo(ca);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      trust.load(in, "changeit".toCharArray());
    }
    assertThat(trust.size()).isEqualTo(1);

    Result replaced = atp().run("pki", "init", "--force");
    assertThat(replaced.exitCode()).isZero();
    assertThat(Files.readAllBytes(home.resolve("pki/ca.pem"))).isNotEqualTo(ca);
  }

  @Test
  void issueWritesACertificateForTheHostsSignedByTheCa() throws Exception {
    Result issued = atp().run("pki", "issue", "alice.example.com", "10.0.0.5", "--name", "alice");
    assertThat(issued.exitCode()).isZero();
    Path cert = home.resolve("pki/servers/alice/cert.pem");
    assertThat(issued.out()).contains("cert: " + cert, "hosts:       alice.example.com, 10.0.0.5");
    List<X509Certificate> chain = Pem.readCertificates(cert);
    X509Certificate ca = Pem.readCertificate(home.resolve("pki/ca.pem"));
    chain.get(0).verify(ca.getPublicKey());
    assertThat(CertificateHosts.subjectAlternativeNames(chain.get(0)))
        .containsExactlyInAnyOrder("alice.example.com", "10.0.0.5");
    assertThat(home.resolve("pki/servers/alice/key.pem")).exists();
    assertThat(chain.get(0).getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void issueMakesRsaCertificatesWhenAsked() throws Exception {
    Result issued =
        atp().run("pki", "issue", "127.0.0.9", "--name", "old", "--key-algorithm", "rsa-2048");
    assertThat(issued.exitCode()).isZero();
    List<X509Certificate> chain = Pem.readCertificates(home.resolve("pki/servers/old/cert.pem"));
    assertThat(chain.get(0).getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(atp().run("pki", "issue", "127.0.0.9", "--key-algorithm", "dsa").exitCode())
        .isNotZero();
  }

  @Test
  void showPrintsAFileOrTheHomeCaAndItsServers() {
    assertThat(atp().run("pki", "issue", "127.0.0.9").exitCode()).isZero();
    Result all = atp().run("pki", "show");
    assertThat(all.exitCode()).isZero();
    assertThat(all.out())
        .contains("CA " + home.resolve("pki/ca.pem"), "server 127.0.0.9", "SHA-256:");

    Result one =
        atp().run("pki", "show", home.resolve("pki/servers/127.0.0.9/cert.pem").toString());
    assertThat(one.exitCode()).isZero();
    assertThat(one.out()).contains("[0]:", "[1]:", "hosts:       127.0.0.9");
  }

  @Test
  void showWithoutACaOrWithAMissingFileIsAUserError() {
    Result noCa = atp().run("pki", "show");
    assertThat(noCa.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(noCa.err()).contains("no CA in").contains("atp pki init");
    Result missing = atp().run("pki", "show", home.resolve("nope.pem").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(missing.err().lines()).hasSize(1);
  }
}
