package dev.atpj.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.Metrics;
import dev.atpj.cli.TrustedCa;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.config.ServerSettings;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atp server}: a config file, ATPJ_ variables and options on top, checked end to end. */
class ServerCommandTest {
  private static final String HOST = "127.0.0.1";

  @TempDir Path dir;
  private ServerCredentials tls;
  private Path caFile;

  @BeforeEach
  void pki() {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    tls = pki.serverCredentials(HOST);
    caFile = pki.caCertFile();
  }

  private Path config(String extra) throws Exception {
    Path file = dir.resolve("alice.properties");
    Files.writeString(
        file,
        "atSign=@alice\n"
            + "storageDir="
            + dir.resolve("storage")
            + "\ntls.certificate="
            + tls.certFile()
            + "\ntls.privateKey="
            + tls.keyFile()
            + "\nbindHost="
            + HOST
            + "\n"
            + extra);
    return file;
  }

  @Test
  void servesFromTheFileWithEnvironmentAndOptionsOnTop() throws Exception {
    try (ServerSocket fileport = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        ServerSocket envport = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      Path file = config("port=" + fileport.getLocalPort() + "\ncramSecret=from-the-file\n");
      CliRunner atp =
          new CliRunner(dir)
              .variable("ATPJ_PORT", Integer.toString(envport.getLocalPort()))
              .variable("ATPJ_CRAM_SECRET", "from-the-environment");
      Path registry = dir.resolve("directory.json");
      Running server =
          atp.start(
              "server",
              "--config",
              file.toString(),
              "--port",
              "0",
              "--metrics-port",
              "0",
              "--register",
              registry.toString());
      try {
        server.awaitLine("ready ", Duration.ofSeconds(60));
        String address = line(server.out(), "ready ");
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        assertThat(port).isNotIn(fileport.getLocalPort(), envport.getLocalPort());
        assertThat(Files.readString(registry)).contains("\"@alice\"", HOST + ":" + port);
        try (WireClient client = new TrustedCa(caFile).connect(HOST, port)) {
          assertThat(client.command("info")).startsWith("data:{\"version\"");
          String challenge = client.command("from:@alice").substring("data:".length());
          assertThat(
                  client.command("cram:" + AtCrypto.cramDigest("from-the-environment", challenge)))
              .isEqualTo("data:success");
          assertThat(client.command("update:phone@alice 555")).startsWith("data:");
          String metrics = Metrics.scrape(line(server.out(), "metrics "));
          assertThat(
                  Metrics.sample(
                      metrics, "atpj_verb_seconds_count{atsign=\"@alice\",verb=\"update\"}"))
              .isEqualTo(1);
        }
      } finally {
        atp.stops().stop();
      }
      Result ended = server.finish();
      assertThat(ended.exitCode()).as(ended.err()).isZero();
      assertThat(ended.out()).contains("stopped");
      assertThat(atp.stops().stoppedCleanly()).isTrue();
    }
  }

  @Test
  void printConfigSaysWhereEachValueCameFromAndMasksSecrets() throws Exception {
    Path file = config("port=7000\nstats.topN=1\nsync.pageLimit=10\ncramSecret=very-secret\n");
    CliRunner atp =
        new CliRunner(dir).variable("ATPJ_PORT", "7001").variable("ATPJ_STATS_TOP_N", "2");
    Result result =
        atp.run("server", "--config", file.toString(), "--port", "7002", "--print-config");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .doesNotContain("very-secret")
        .containsPattern("(?m)^port +7002 +cli --port$")
        .containsPattern("(?m)^stats\\.topN +2 +env ATPJ_STATS_TOP_N$")
        .containsPattern("(?m)^sync\\.pageLimit +10 +file$")
        .containsPattern("(?m)^bindHost +127\\.0\\.0\\.1 +file$")
        .containsPattern("(?m)^maxConnections +10000 +default$")
        .containsPattern("(?m)^cramSecret +\\*{8} +file$");
  }

  @Test
  void mistakesAreOneLineWithExitCode3() throws Exception {
    CliRunner atp = new CliRunner(dir);
    Path file = config("");
    assertError(atp.run("server"), "missing setting atSign", "ATPJ_AT_SIGN or --atsign");
    assertError(
        atp.run("server", "--config", dir.resolve("nope").toString()),
        "no such configuration file");
    assertError(
        atp.run("server", "--config", file.toString(), "--set", "prot=1"),
        "unknown setting prot on the command line");
    assertError(
        atp.run("server", "--config", file.toString(), "--cert", dir.resolve("x.pem").toString()),
        "cannot read tls.certificate");
    assertError(
        atp.run("server", "--config", file.toString(), "--set", "atSign=bad@@"), "invalid atSign");
    assertError(
        atp.run("server", "--config", file.toString(), "--set", "directory=nowhere"),
        "bad value for directory");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      assertError(
          atp.run("server", "--config", file.toString(), "--port", "" + taken.getLocalPort()),
          "already in use",
          "--port");
      assertError(
          atp.run(
              "server",
              "--config",
              file.toString(),
              "--port",
              "0",
              "--metrics-port",
              "" + taken.getLocalPort()),
          "cannot start the metrics endpoint",
          "--metrics-port");
    }
  }

  @Test
  void exampleConfigIsTheCatalogueAndTheDocumentedFile() throws Exception {
    Result result = new CliRunner(dir).run("server", "--example-config");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(ServerSettings.describe());
    Path documented = Path.of("..", "docs", "atserver.properties.example");
    assertThat(Files.readString(documented))
        .as("docs/atserver.properties.example: regenerate with atp server --example-config")
        .isEqualTo(ServerSettings.describe());
  }

  private static void assertError(Result result, String... parts) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains(parts);
  }

  private static String line(String out, String prefix) {
    return out.lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow()
        .substring(prefix.length());
  }
}
