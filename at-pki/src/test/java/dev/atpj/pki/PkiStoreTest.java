package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final PkiConfig FAST = PkiConfig.defaults().withKeyAlgorithm(KeyAlgorithm.EC_P256);

  @TempDir Path home;

  @Test
  void firstCallCreatesRsaCaAndEcServerFilesInTheLayout() throws IOException {
    PkiStore store = PkiStore.inHome(home);

    ServerCredentials alice = store.serverCredentials("alice", "127.0.0.2", "localhost");

    Path pki = home.resolve("pki");
    assertThat(alice)
        .isEqualTo(
            new ServerCredentials(
                pki.resolve("servers/alice/cert.pem"),
                pki.resolve("servers/alice/key.pem"),
                pki.resolve("ca.pem")));
    assertThat(pki.resolve("ca.key")).isRegularFile();
    assertThat(alice.exist()).isTrue();
    List<X509Certificate> chain = alice.readChain();
    assertThat(chain).hasSize(2);
    assertThat(chain.get(0).getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(chain.get(1).getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(chain.get(1)).isEqualTo(alice.readCaCertificate());
    assertThat(CertificateHosts.subjectAlternativeNames(chain.get(0)))
        .containsExactly("127.0.0.2", "localhost");
    assertThat(store.problemWith("alice", List.of("127.0.0.2", "localhost"))).isEmpty();
  }

  @Test
  void serverFilesOfAnotherKeyTypeAreReissuedAndTheCaStays() throws IOException {
    PkiStore rsa = PkiStore.inHome(home, KeyAlgorithm.RSA_2048);
    ServerCredentials first = rsa.serverCredentials("alice", "127.0.0.2");
    assertThat(first.readChain().get(0).getPublicKey().getAlgorithm()).isEqualTo("RSA");
    X509Certificate ca = first.readCaCertificate();

    PkiStore ec = PkiStore.inHome(home, KeyAlgorithm.EC_P256);
    assertThat(ec.problemWith("alice", List.of("127.0.0.2")))
        .hasValueSatisfying(why -> assertThat(why).contains("RSA_2048").contains("EC_P256"));
    ServerCredentials second = ec.serverCredentials("alice", "127.0.0.2");

    assertThat(second.readChain().get(0).getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(second.readCaCertificate()).isEqualTo(ca);
    assertThat(ec.problemWith("alice", List.of("127.0.0.2"))).isEmpty();
    assertThat(rsa.problemWith("alice", List.of("127.0.0.2"))).isPresent();
  }

  @Test
  void privateKeysAreOwnerOnlyAndCertificatesReadable() throws IOException {
    assumeThat(AtomicFiles.supportsPosix(home)).isTrue();
    PkiStore store = store(T0);

    ServerCredentials files = store.serverCredentials("directory", "127.0.0.1");

    assertThat(permissions(store.caKeyFile())).isEqualTo("rw-------");
    assertThat(permissions(files.keyFile())).isEqualTo("rw-------");
    assertThat(permissions(store.caCertFile())).isEqualTo("rw-r--r--");
    assertThat(permissions(files.certFile())).isEqualTo("rw-r--r--");
    try (var entries = Files.list(files.keyFile().getParent())) {
      assertThat(entries.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("cert.pem", "key.pem");
    }
  }

  @Test
  void secondStartReusesTheSameFiles() throws IOException {
    ServerCredentials first = store(T0).serverCredentials("🛠bob", "127.0.0.3");
    Snapshot before = Snapshot.of(first);

    ServerCredentials second =
        store(T0.plus(Duration.ofDays(100))).serverCredentials("🛠bob", "127.0.0.3");

    assertThat(second).isEqualTo(first);
    assertThat(Snapshot.of(second)).isEqualTo(before);
    assertThat(first.certFile().getParent().getFileName().toString()).isEqualTo("_f09f9ba0626f62");
  }

  @Test
  void changedHostReissuesWithNewKey() throws IOException {
    PkiStore store = store(T0);
    Snapshot before = Snapshot.of(store.serverCredentials("alice", "127.0.0.2"));

    ServerCredentials after = store.serverCredentials("alice", "127.0.0.5");

    Snapshot now = Snapshot.of(after);
    assertThat(now.ca()).isEqualTo(before.ca());
    assertThat(now.key()).isNotEqualTo(before.key());
    assertThat(CertificateHosts.subjectAlternativeNames(after.readChain().get(0)))
        .containsExactly("127.0.0.5");
  }

  @Test
  void leafCloseToExpiryIsReissuedButCaKept() throws IOException {
    Snapshot before = Snapshot.of(store(T0).serverCredentials("alice", "localhost"));
    PkiStore later = store(T0.plus(PkiConfig.DEFAULT_SERVER_VALIDITY).minus(Duration.ofDays(10)));

    assertThat(later.problemWith("alice", List.of("localhost"))).get().asString().contains("valid");
    Snapshot after = Snapshot.of(later.serverCredentials("alice", "localhost"));

    assertThat(after.ca()).isEqualTo(before.ca());
    assertThat(after.cert()).isNotEqualTo(before.cert());
  }

  @Test
  void damagedKeyIsReplaced() throws IOException {
    PkiStore store = store(T0);
    ServerCredentials files = store.serverCredentials("alice", "localhost");
    Files.writeString(files.keyFile(), "garbage");

    assertThat(store.problemWith("alice", List.of("localhost")))
        .get()
        .asString()
        .startsWith("unreadable");
    store.serverCredentials("alice", "localhost");

    assertThat(store.problemWith("alice", List.of("localhost"))).isEmpty();
  }

  @Test
  void damagedCaIsReplacedAndServersFollow() throws IOException {
    Snapshot before = Snapshot.of(store(T0).serverCredentials("alice", "localhost"));
    Files.writeString(home.resolve("pki/ca.key"), "garbage");
    PkiStore restarted = store(T0);

    assertThat(restarted.problemWith("alice", List.of("localhost"))).contains("no valid CA yet");
    Snapshot after = Snapshot.of(restarted.serverCredentials("alice", "localhost"));

    assertThat(after.ca()).isNotEqualTo(before.ca());
    assertThat(
            restarted
                .certificateAuthority()
                .hasIssued(Pem.readCertificate(restarted.serverFiles("alice").certFile())))
        .isTrue();
    assertThat(restarted.serverFolders()).containsExactly("alice");
  }

  @Test
  void replacedCaTakesOverAndServersAreReissued() throws IOException {
    PkiStore store = store(T0);
    store.serverCredentials("alice", "localhost");
    CertificateAuthority imported =
        CertificateAuthority.create(KeyAlgorithm.EC_P256, Duration.ofDays(400), Clock.systemUTC());

    store.replaceCertificateAuthority(imported);

    assertThat(Pem.readCertificate(store.caCertFile())).isEqualTo(imported.certificate());
    assertThat(store.problemWith("alice", List.of("localhost")))
        .contains("not issued by the current CA");
    ServerCredentials files = store.serverCredentials("alice", "localhost");
    assertThat(imported.hasIssued(files.readChain().get(0))).isTrue();
  }

  private PkiStore store(Instant now) {
    return new PkiStore(home.resolve("pki"), FAST, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private record Snapshot(String ca, String cert, String key) {
    static Snapshot of(ServerCredentials files) throws IOException {
      return new Snapshot(
          Files.readString(files.caFile()),
          Files.readString(files.certFile()),
          Files.readString(files.keyFile()));
    }
  }
}
