package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.metrics.MetricsEndpoint;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus endpoint shows the series moving while a client works; replacing the certificate
 * files is picked up without dropping open connections.
 */
@ExtendWith(SharedTestPki.class)
class MetricsAndCertificateWireTest {
  @TempDir static Path data;
  private static TestPki pki;
  private static AtServerFixture fixture;
  private static AtServer server;
  private static MetricsEndpoint endpoint;
  private static Path tlsDir;

  @BeforeAll
  static void start(TestPki testPki) throws Exception {
    pki = testPki;
    fixture = new AtServerFixture(pki, data);
    ServerCredentials original = pki.serverCredentials(AtServerFixture.HOST);
    tlsDir = Files.createDirectories(data.resolve("tls"));
    Files.copy(original.certFile(), tlsDir.resolve("cert.pem"));
    Files.copy(original.keyFile(), tlsDir.resolve("key.pem"));
    endpoint = MetricsEndpoint.start(AtServerFixture.HOST, 0);
    server =
        fixture.start(
            "@metered",
            b ->
                AtServerConfig.builder(
                        b.build().atSign(),
                        b.build().storageDir(),
                        new TlsFiles(tlsDir.resolve("cert.pem"), tlsDir.resolve("key.pem"), null))
                    .bindHost(AtServerFixture.HOST)
                    .port(0)
                    .cramSecret(AtServerFixture.secretOf("@metered"))
                    .ops(OpsConfig.DEFAULT.withCertificateCheckInterval(Duration.ofMillis(20))));
    server.metrics().publishTo(endpoint.registry());
  }

  @AfterAll
  static void stop() {
    fixture.close();
    endpoint.close();
  }

  private static String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + AtServerFixture.HOST + ":" + endpoint.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static double sample(String body, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void prometheusSeriesMoveWhileAClientWorks() throws Exception {
    String tags = "atsign=\"@metered\"";
    String updates = "atpj_verb_seconds_count{" + tags + ",verb=\"update\"}";
    String notFound = "atpj_errors_total{" + tags + ",code=\"AT0015\"}";
    String before = scrape();
    try (WireClient client = Wire.owner(fixture, server)) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.command("update:m" + i + "@metered v")).startsWith("data:");
      }
      assertThat(client.command("llookup:missing@metered")).startsWith("error:AT0015-");
      String during = scrape();
      assertThat(sample(during, updates) - sample(before, updates)).isEqualTo(3);
      assertThat(sample(during, notFound) - sample(before, notFound)).isEqualTo(1);
      assertThat(sample(during, "atpj_connections_active{" + tags + ",direction=\"inbound\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(sample(during, "atpj_storage_bytes{" + tags + "}")).isPositive();
      assertThat(sample(during, "atpj_commit_id{" + tags + "}")).isPositive();
      assertThat(during)
          .contains("atpj_verb_seconds_sum{" + tags + ",verb=\"update\"}")
          .contains("atpj_notifications_total{" + tags + ",state=\"delivered\"} 0")
          .contains("atpj_outbound_connections{" + tags + ",state=\"active\"} 0")
          .contains("jvm_memory_used_bytes");
    }
    server.metrics().notificationQueued();
    assertThat(scrape()).contains("atpj_notifications_total{" + tags + ",state=\"queued\"} 1");
  }

  @Test
  void replacedCertificateFilesReachNewConnectionsWithoutDroppingOpenOnes() throws Exception {
    try (WireClient open = Wire.owner(fixture, server)) {
      BigInteger before = serial(open);
      ServerCredentials next = pki.serverCredentials(AtServerFixture.HOST, "reloaded.test");
      Path staged = tlsDir.resolve("cert.pem.new");
      Files.copy(next.certFile(), staged);
      Files.copy(next.keyFile(), tlsDir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
      Files.move(staged, tlsDir.resolve("cert.pem"), StandardCopyOption.ATOMIC_MOVE);
      Await.until(
          () -> {
            try (WireClient fresh = fixture.connect(server)) {
              return !serial(fresh).equals(before);
            }
          },
          "a new connection with the new certificate");
      assertThat(open.command("noop:0")).isEqualTo("data:ok");
      assertThat(open.lastPrompt()).isEqualTo("@metered@");
    }
  }

  private static BigInteger serial(WireClient client) {
    try {
      return ((X509Certificate) client.session().getPeerCertificates()[0]).getSerialNumber();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
