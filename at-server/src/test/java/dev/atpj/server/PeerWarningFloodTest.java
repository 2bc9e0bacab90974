package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.atpj.testing.WireClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Repeated failures to reach one peer log one warning, not one per attempt. */
@ExtendWith(SharedPeerFixture.class)
class PeerWarningFloodTest {
  @Test
  void failedConnectionsToOnePeerWarnOncePerInterval(MultiServerFixture fixture) {
    AtServer ann = NotifyWire.server(fixture, "@ann");
    Logger pool = (Logger) LoggerFactory.getLogger("dev.atpj.server.peer.OutboundPool");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    pool.addAppender(events);
    try (WireClient owner = fixture.owner(ann)) {
      for (int i = 0; i < 10; i++) {
        assertThat(owner.command("lookup:x@nowherewarn")).startsWith("error:");
      }
    } finally {
      pool.detachAppender(events);
    }
    assertThat(
            events.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains("@nowherewarn")))
        .hasSize(1);
  }
}
