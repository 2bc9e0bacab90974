package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.TrustedCa;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.pki.CertificateHosts;
import dev.atpj.testing.WireClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atp up} in-process on a temporary home with ports chosen by the system ({@code 0}),
 * checked from the outside: platform.json, TLS to the directory and to every atServer trusting only
 * the CA file, certificates, restart reuse.
 */
class UpCommandTest {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  @TempDir Path home;

  private CliRunner atp() {
    return new CliRunner(home);
  }

  private Running up(CliRunner atp, String atSigns) {
    Running running =
        atp.start(
            "up",
            "--home",
            home.toString(),
            "--atsigns",
            atSigns,
            "--directory-port",
            "0",
            "--base-port",
            "0");
    running.awaitLine("ready", STARTUP);
    return running;
  }

  private JsonNode platform() throws Exception {
    return new ObjectMapper().readTree(home.resolve("platform.json").toFile());
  }

  @Test
  void runsThePlatformWritesPlatformJsonAndReusesEverythingOnRestart() throws Exception {
    CliRunner atp = atp();
    Running first = up(atp, "@alice,@bob");
    JsonNode platform = platform();
    checkPlatform(platform, first.out());
    assertThat(platform.at("/atSigns/@alice/host").asText()).isEqualTo("127.0.0.2");
    assertThat(platform.at("/atSigns/@bob/host").asText()).isEqualTo("127.0.0.3");
    Result lookup = atp.run("lookup", "@bob", "--home", home.toString());
    assertThat(lookup.exitCode()).isZero();
    assertThat(lookup.out().strip()).isEqualTo(address(platform, "@bob"));
    byte[] ca = Files.readAllBytes(home.resolve("pki/ca.pem"));
    assertOnlyTheOwnerReadsSecrets();
    atp.stops().stop();
    Result stopped = first.finish();
    assertThat(stopped.exitCode()).isZero();
    assertThat(stopped.out()).contains("stopped");
    assertThat(atp.stops().stoppedCleanly()).isTrue();
    assertThat(home.resolve("platform.json")).doesNotExist();

    CliRunner again = atp();
    Running second = up(again, "@alice,@colin");
    JsonNode restarted = platform();
    checkPlatform(restarted, second.out());
    assertThat(Files.readAllBytes(home.resolve("pki/ca.pem"))).isEqualTo(ca);
    assertThat(restarted.at("/atSigns/@alice")).isEqualTo(platform.at("/atSigns/@alice"));
    assertThat(restarted.at("/atSigns/@colin/host").asText())
        .as("@bob keeps its slot while not running")
        .isEqualTo("127.0.0.4");
    assertThat(restarted.at("/atSigns").has("@bob")).isFalse();
    try (WireClient directory =
        new TrustedCa(home.resolve("pki/ca.pem"))
            .connect("127.0.0.1", restarted.at("/directory/port").asInt())) {
      assertThat(directory.command("bob")).isEqualTo("null");
    }
    assertThat(restarted.at("/directory/port")).isEqualTo(platform.at("/directory/port"));
    again.stops().stop();
    assertThat(second.finish().exitCode()).isZero();
  }

  /**
   * Every folder under the home is 700, every file 600 but the certificates and the trust store
   * (public): keys files, private keys, platform.json and assignments.json (CRAM secrets), and
   * every atServer's RocksDB files.
   */
  private void assertOnlyTheOwnerReadsSecrets() throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(home)) {
      all = walk.filter(p -> !p.equals(home)).toList();
    }
    assertThat(all)
        .anyMatch(p -> p.startsWith(home.resolve("storage")) && Files.isRegularFile(p))
        .anyMatch(p -> p.getFileName().toString().endsWith(".atKeys"));
    List<String> open = new java.util.ArrayList<>();
    for (Path path : all) {
      String name = path.getFileName().toString();
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
      boolean isPublic = name.equals("ca.pem") || name.equals("cert.pem") || name.endsWith(".p12");
      if (Files.isDirectory(path)
          ? !mode.equals("rwx------")
          : !isPublic && !mode.equals("rw-------")) {
        open.add(mode + " " + home.relativize(path));
      }
    }
    assertThat(open).as("readable by others").isEmpty();
  }

  private void checkPlatform(JsonNode platform, String out) throws Exception {
    assertThat(out).contains(home.resolve("platform.json").toString());
    Path platformFile = home.resolve("platform.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(platformFile)))
        .isEqualTo("rw-------");
    assertThat(platform.at("/directory/host").asText()).isEqualTo("127.0.0.1");
    assertThat(platform.at("/caFile").asText()).isEqualTo(home.resolve("pki/ca.pem").toString());
    TrustedCa trust = new TrustedCa(Path.of(platform.at("/caFile").asText()));
    String directoryHost = platform.at("/directory/host").asText();
    int directoryPort = platform.at("/directory/port").asInt();
    assertThat(out).contains("openssl s_client -CAfile " + home.resolve("pki/ca.pem"));
    for (var it = platform.get("atSigns").fields(); it.hasNext(); ) {
      var entry = it.next();
      String atSign = entry.getKey();
      JsonNode server = entry.getValue();
      String host = server.get("host").asText();
      assertThat(host).matches("127\\.0\\.0\\.([2-9]|\\d\\d+)");
      assertThat(server.get("cramSecret").asText()).matches("[0-9a-f]{128}");
      assertThat(out).contains(atSign).contains(host + ":" + server.get("port").asInt());
      try (WireClient directory = trust.connect(directoryHost, directoryPort)) {
        assertThat(directory.command(atSign.substring(1))).isEqualTo(address(platform, atSign));
      }
      try (WireClient client = trust.connect(host, server.get("port").asInt())) {
        assertThat(client.lastPrompt()).isEqualTo("@");
        assertThat(client.command("info")).startsWith("data:{\"version\":");
        X509Certificate certificate = (X509Certificate) client.session().getPeerCertificates()[0];
        assertThat(CertificateHosts.subjectAlternativeNames(certificate)).containsExactly(host);
        assertThat(certificate.getPublicKey().getAlgorithm())
            .as("up issues ECDSA P-256 server certificates by default")
            .isEqualTo("EC");
      }
    }
  }

  private static String address(JsonNode platform, String atSign) {
    JsonNode server = platform.at("/atSigns/" + atSign);
    return server.get("host").asText() + ":" + server.get("port").asInt();
  }

  @Test
  void localhostModePutsEveryServerOn127001WithItsOwnPort() throws Exception {
    CliRunner atp = atp();
    Running running =
        atp.start(
            "up",
            "--home",
            home.toString(),
            "--atsigns",
            "@alice,@bob",
            "--host-mode",
            "localhost",
            "--directory-port",
            "0",
            "--base-port",
            "0");
    running.awaitLine("ready", STARTUP);
    JsonNode platform = platform();
    TrustedCa trust = new TrustedCa(home.resolve("pki/ca.pem"));
    assertThat(platform.at("/atSigns/@alice/port")).isNotEqualTo(platform.at("/atSigns/@bob/port"));
    for (String atSign : new String[] {"@alice", "@bob"}) {
      JsonNode server = platform.at("/atSigns/" + atSign);
      assertThat(server.get("host").asText()).isEqualTo("127.0.0.1");
      try (WireClient client = trust.connect("127.0.0.1", server.get("port").asInt())) {
        X509Certificate certificate = (X509Certificate) client.session().getPeerCertificates()[0];
        assertThat(CertificateHosts.subjectAlternativeNames(certificate))
            .containsExactlyInAnyOrder("127.0.0.1", "localhost");
      }
    }
    atp.stops().stop();
    assertThat(running.finish().exitCode()).isZero();
  }

  @Test
  void aSecondUpOnTheSameHomeAndATakenPortAreClearErrors() throws Exception {
    CliRunner atp = atp();
    Running running = up(atp, "@alice");
    Result second = atp().run("up", "--home", home.toString(), "--atsigns", "@alice");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(second.err()).contains("another `atp up` (process ").contains(home.toString());
    atp.stops().stop();
    assertThat(running.finish().exitCode()).isZero();

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Result busy =
          atp()
              .run(
                  "up",
                  "--home",
                  home.toString(),
                  "--atsigns",
                  "@alice",
                  "--base-port",
                  "0",
                  "--directory-port",
                  String.valueOf(taken.getLocalPort()));
      assertThat(busy.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
      assertThat(busy.err().lines()).hasSize(1);
      assertThat(busy.err())
          .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
          .contains("--directory-port");
    }
    assertThat(home.resolve("platform.json")).doesNotExist();
  }
}
