package dev.atpj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.pki.CertificateHosts;
import dev.atpj.pki.IssuedCertificate;
import dev.atpj.pki.ServerCredentials;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPkiExtension.class)
class TestPkiTest {
  private final TestPki injected;

  TestPkiTest(TestPki injected) {
    this.injected = injected;
  }

  @Test
  void extensionSharesOneInstancePerClass(TestPki pki) {
    assertThat(pki).isSameAs(injected);
    assertThat(pki.caCertFile()).isRegularFile();
  }

  @Test
  void certificatesAreCachedPerHostsAndShareOneKey(TestPki pki) {
    IssuedCertificate alice = pki.certificate("127.0.0.2");
    IssuedCertificate bob = pki.certificate("127.0.0.3", "localhost");

    assertThat(pki.certificate("127.0.0.2")).isSameAs(alice);
    assertThat(bob.privateKey()).isEqualTo(alice.privateKey());
    assertThat(bob.hosts()).containsExactly("127.0.0.3", "localhost");
    assertThat(pki.ca().hasIssued(bob.certificate())).isTrue();
    assertThat(CertificateHosts.matchesHost(bob.certificate(), "localhost")).isTrue();
  }

  @Test
  void serverCredentialsAreWrittenOnceAndReadBack(TestPki pki) throws IOException {
    ServerCredentials files = pki.serverCredentials("127.0.0.4");
    String written = Files.readString(files.certFile());

    assertThat(pki.serverCredentials("127.0.0.4")).isSameAs(files);
    assertThat(Files.readString(files.certFile())).isEqualTo(written);
    assertThat(files.read()).isEqualTo(pki.certificate("127.0.0.4"));
    assertThat(files.caFile()).hasSameTextualContentAs(pki.caCertFile());
    assertThat(files.certFile().getParent().getFileName()).hasToString("127.0.0.4");
  }
}
