package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.Metrics;
import dev.atpj.cli.TrustedCa;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atp up --metrics}: one Prometheus endpoint whose series move while a client works. */
class UpMetricsTest {
  @TempDir Path home;

  @Test
  void theEndpointServesEveryServersSeriesAndTheyMove() throws Exception {
    CliRunner atp = new CliRunner(home);
    Running up =
        atp.start(
            "up",
            "--home",
            home.toString(),
            "--atsigns",
            "@alice",
            "--directory-port",
            "0",
            "--base-port",
            "0",
            "--metrics-port",
            "0");
    try {
      up.awaitLine("ready", Duration.ofSeconds(90));
      JsonNode platform = new ObjectMapper().readTree(home.resolve("platform.json").toFile());
      String url = platform.get("metricsUrl").asText();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
      assertThat(up.out()).contains("Metrics (Prometheus): " + url);
      String tags = "atsign=\"@alice\"";
      String llookups = "atpj_verb_seconds_count{" + tags + ",verb=\"llookup\"}";
      String notFound = "atpj_errors_total{" + tags + ",code=\"AT0015\"}";
      String before = Metrics.scrape(url);
      assertThat(before)
          .contains("atpj_storage_bytes{" + tags + "}", "atpj_directory_connections_active");
      JsonNode alice = platform.at("/atSigns/@alice");
      try (WireClient client =
          new TrustedCa(home.resolve("pki/ca.pem"))
              .connect(alice.get("host").asText(), alice.get("port").asInt())) {
        String challenge = client.command("from:@alice").substring("data:".length());
        String secret = alice.get("cramSecret").asText();
        assertThat(client.command("cram:" + AtCrypto.cramDigest(secret, challenge)))
            .isEqualTo("data:success");
        client.command("llookup:public:publickey@alice");
        client.command("llookup:missing@alice");
        String during = Metrics.scrape(url);
        assertThat(Metrics.sample(during, llookups) - Metrics.sample(before, llookups))
            .isEqualTo(2);
        assertThat(Metrics.sample(during, notFound) - Metrics.sample(before, notFound))
            .isEqualTo(1);
        assertThat(
                Metrics.sample(
                    during, "atpj_connections_active{" + tags + ",direction=\"inbound\"}"))
            .isGreaterThanOrEqualTo(1);
      }
    } finally {
      atp.stops().stop();
      assertThat(up.finish().exitCode()).isZero();
    }
  }
}
