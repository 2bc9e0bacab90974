package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared key committed without its autoNotify record (the server died between the two writes) is
 * notified when the server starts again, once.
 */
@ExtendWith(SharedTestPki.class)
class AutoNotifyRecoveryTest {
  @TempDir Path data;

  @Test
  void aChangeWhoseNotificationWasNotStoredIsNotifiedAtRestart(TestPki pki) {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      fixture.start("@ann");
      AtServer ben = fixture.start("@ben");
      fixture.stop("@ann");
      try (AtStore store = fixture.openStore("@ann")) {
        store.put("@ben:gap.rec@ann", StoredValue.of("missed"), CommitOp.UPDATE).join();
        store.put("gap.self.rec@ann", StoredValue.of("not shared"), CommitOp.UPDATE).join();
      }
      try (WireClient monitor = monitor(fixture, ben, "monitor:strict:0 \\.rec@")) {
        AtServer ann = fixture.resume("@ann");
        JsonNode n = next(monitor);
        assertThat(n.get("key").asText()).isEqualTo("@ben:gap.rec@ann");
        assertThat(n.get("value").asText()).isEqualTo("missed");
        assertThat(n.get("operation").asText()).isEqualTo("update");
        assertThat(ann.notifications().counters().queuedCount()).isEqualTo(1);
        String id = n.get("id").asText();
        Await.until(
            () -> ann.notifications().status(id).orElse("").equals("delivered"),
            "ann records the delivery");
      }
      AtServer again = fixture.restart("@ann");
      assertThat(again.notifications().counters().queuedCount())
          .as("its record exists now: not sent twice")
          .isZero();
    }
  }
}
