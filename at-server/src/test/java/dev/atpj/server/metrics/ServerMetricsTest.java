package dev.atpj.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Verb;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
  private static final String TAGS = "atsign=\"@alice\"";

  @Test
  void verbLatencyHasHistogramBucketsForPercentiles() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ServerMetrics metrics = new ServerMetrics(AtSign.parse("@alice"), () -> 0, () -> 0)) {
      metrics.publishTo(prometheus);
      metrics.verbHandled(Verb.LOOKUP, 2_000_000);
      metrics.verbHandled(Verb.LOOKUP, 40_000_000);

      List<String> buckets =
          prometheus
              .scrape()
              .lines()
              .filter(l -> l.startsWith("atpj_verb_seconds_bucket{" + TAGS))
              .filter(l -> l.contains("verb=\"lookup\""))
              .toList();
      assertThat(buckets).hasSize(ServerMetrics.LATENCY_BUCKETS.size() + 1);
      assertThat(buckets).anyMatch(l -> l.contains("le=\"+Inf\"") && l.endsWith(" 2"));
      assertThat(buckets).anyMatch(l -> l.endsWith(" 1")); // 2 ms is below some bucket, 40 ms not
      assertThat(buckets)
          .as("the lowest bucket is the first bound")
          .first()
          .matches(
              l ->
                  Double.parseDouble(l.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                      == ServerMetrics.LATENCY_BUCKETS.get(0).toNanos() / 1e9);
    } finally {
      prometheus.close();
    }
  }

  @Test
  void outboundConnectionsAreOpenOnesSplitIntoBusyAndIdle() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ServerMetrics metrics = new ServerMetrics(AtSign.parse("@alice"), () -> 0, () -> 0)) {
      metrics.publishTo(prometheus);
      metrics.outboundPool(() -> 3, () -> 1);

      assertThat(metrics.activeOutbound()).isEqualTo(3);
      assertThat(prometheus.scrape())
          .contains("atpj_connections_active{" + TAGS + ",direction=\"outbound\"} 3")
          .contains("atpj_outbound_connections{" + TAGS + ",state=\"active\"} 2")
          .contains("atpj_outbound_connections{" + TAGS + ",state=\"idle\"} 1");
    } finally {
      prometheus.close();
    }
  }
}
