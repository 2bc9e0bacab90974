package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.server.core.OutboundLimits;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output queued for clients that do not read it stays bounded: a connection pipelining commands
 * without reading its replies is paused (nothing more handled or read) once its queued output
 * passes the high-water mark, and gets every reply in order once it reads; a monitor that never
 * reads is closed once too much is queued for it.
 */
@ExtendWith(SharedTestPki.class)
class BackPressureWireTest {
  private static final int VALUE_BYTES = 16 * 1024;

  @Test
  void aClientThatDoesNotReadItsRepliesIsPausedNotBuffered(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer server = fixture.start("@victim");
      String value = "v".repeat(VALUE_BYTES);
      try (WireClient owner = Wire.owner(fixture, server)) {
        assertThat(owner.command("update:public:big@victim " + value)).startsWith("data:");
      }
      int lines = 2000; // 32 MB of replies, unbounded before
      try (WireClient reader = fixture.connect(server)) {
        reader.sendRaw("lookup:big@victim\n".repeat(lines).getBytes(StandardCharsets.UTF_8));
        Await.until(
            () ->
                server.readPausedConnections() > 0
                    || server.maxPendingOutboundBytes() > OutboundLimits.MAX_PENDING_BYTES,
            "the connection paused, or its output grew past any bound");
        assertThat(server.maxPendingOutboundBytes())
            .as("queued output of the connection that does not read")
            .isLessThanOrEqualTo(OutboundLimits.HIGH_WATER_BYTES + 2L * VALUE_BYTES);
        for (int i = 0; i < lines; i++) {
          assertThat(reader.readReply()).isEqualTo("data:" + value);
        }
        assertThat(reader.command("noop:0")).isEqualTo("data:ok");
        assertThat(server.readPausedConnections()).isZero();
      }
    }
  }

  @Test
  void aMonitorThatNeverReadsIsClosed(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer server = fixture.start("@victim");
      String value = "n".repeat(64 * 1024);
      try (WireClient monitor = Wire.owner(fixture, server);
          WireClient sender = Wire.owner(fixture, server)) {
        monitor.send("monitor:selfNotifications");
        NotifyWire.untilHeartbeat(monitor); // the monitor has started; it reads no more
        int sent = 0;
        while (server.activeConnections() == 2 && sent < 2000) {
          assertThat(sender.command("notify:update:@victim:k" + sent + "@victim:" + value))
              .startsWith("data:");
          sent++;
        }
        Await.until(
            () -> server.activeConnections() == 1, "the monitor that never reads is closed");
        assertThat(sender.command("noop:0")).isEqualTo("data:ok");
        assertThat(server.maxPendingOutboundBytes())
            .isLessThanOrEqualTo(OutboundLimits.MAX_PENDING_BYTES + value.length() + 1024);
      }
    }
  }
}
