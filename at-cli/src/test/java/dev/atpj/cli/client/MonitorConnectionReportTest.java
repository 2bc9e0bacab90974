package dev.atpj.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The stderr lines of {@code atp monitor} when its connection drops and comes back. */
class MonitorConnectionReportTest {
  @Test
  void saysWhenTheConnectionIsLostAndWhenItIsBack() {
    StringWriter err = new StringWriter();
    MonitorConnectionReport report =
        new MonitorConnectionReport(new PrintWriter(err), AtSign.parse("@bob"));
    report.onLost("127.0.0.3:47002");
    report.onRestored("127.0.0.3:47002");
    assertThat(err.toString().lines())
        .containsExactly(
            "atp monitor: lost the connection to the atServer of @bob at 127.0.0.3:47002;"
                + " reconnecting",
            "atp monitor: connected again to the atServer of @bob at 127.0.0.3:47002");
  }
}
