package dev.atpj.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
  private static final String TAGS = "atsign=\"@alice\"";

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
