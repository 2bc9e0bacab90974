package dev.atpj.cli.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.TrustedCa;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryServeCommandTest {
  @TempDir Path home;

  @Test
  void servesTheRegistryOverTlsAndPicksUpChanges() throws Exception {
    CliRunner atp = new CliRunner(home).variable("ATPJ_HOME", home.toString());
    assertThat(atp.run("directory", "add", "@alice", "127.0.0.2:47001").exitCode()).isZero();
    Running serve = atp.start("directory", "serve", "--port", "0", "--no-miss-throttle");
    serve.awaitLine("ready ", Duration.ofSeconds(60));
    int port =
        Integer.parseInt(
            serve
                .out()
                .lines()
                .filter(l -> l.startsWith("ready "))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*:", ""));

    TrustedCa trust = new TrustedCa(home.resolve("pki/ca.pem"));
    try (WireClient client = trust.connect("127.0.0.1", port)) {
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
      assertThat(client.command("@bob")).isEqualTo("null");
      assertThat(atp.run("directory", "add", "@bob", "127.0.0.3:47002").exitCode()).isZero();
      Await.until(() -> client.command("bob").equals("127.0.0.3:47002"), "the new entry");
    }
    atp.stops().stop();
    Result ended = serve.finish();
    assertThat(ended.exitCode()).isZero();
    assertThat(ended.out()).contains("stopped");
    assertThat(atp.stops().stoppedCleanly()).isTrue();
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRunner atp = new CliRunner(home).variable("ATPJ_HOME", home.toString());
      Result result = atp.run("directory", "serve", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
      assertThat(result.err().lines()).hasSize(1);
      assertThat(result.err())
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port");
    }
  }

  @Test
  void optionsAreChecked() {
    CliRunner atp = new CliRunner(home).variable("ATPJ_HOME", home.toString());
    Result onlyCert = atp.run("directory", "serve", "--cert", home.resolve("c.pem").toString());
    assertThat(onlyCert.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(onlyCert.err()).contains("--cert and --key go together");
    Result caAlone = atp.run("directory", "serve", "--upstream-ca", "x.pem");
    assertThat(caAlone.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(caAlone.err()).contains("--upstream-ca needs --upstream");
    Result badDuration = atp.run("directory", "serve", "--miss-delay", "soon");
    assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDuration.err()).contains("is not a duration");
  }
}
