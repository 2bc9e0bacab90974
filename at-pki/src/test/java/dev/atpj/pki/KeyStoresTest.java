package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoresTest {
  private final CertificateAuthority ca =
      CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(30), Clock.systemUTC());

  @Test
  void writtenTrustStoreLoadsAsJavaTrustStore(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("truststore.p12");
    char[] password = "changeit".toCharArray();

    KeyStores.writeTrustStore(file, List.of(ca.certificate()), password);

    KeyStore loaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in, password);
    }
    String alias = loaded.aliases().nextElement();
    assertThat(loaded.isCertificateEntry(alias)).isTrue();
    assertThat(loaded.getCertificate(alias)).isEqualTo(ca.certificate());
  }

  @Test
  void keyManagerPresentsTheChain() {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("localhost").withKeyAlgorithm(KeyAlgorithm.EC_P256));

    var manager = KeyStores.keyManager(issued);
    String alias = manager.chooseServerAlias("EC", null, null);

    assertThat(manager.getCertificateChain(alias))
        .containsExactly(issued.certificate(), ca.certificate());
    assertThat(manager.getPrivateKey(alias)).isEqualTo(issued.privateKey());
  }
}
