package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.testing.WireClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What autoNotify sends for a shared key that is not yet available (ttb), as the reference does:
 * the notification is made when the key is written and carries its value at once, with the key's
 * ttb and ttl in the forwarded command; {@code lookup} of the key answers {@code data:null} until
 * the ttb has passed (docs/protocol.md B11).
 */
@ExtendWith(SharedPeerFixture.class)
class AutoNotifyTimingWireTest {
  private static MultiServerFixture fixture;
  private static AtServer ann;
  private static AtServer ben;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    ann = NotifyWire.server(fixture, "@ann");
    ben = NotifyWire.server(fixture, "@ben");
  }

  @Test
  void aKeyNotYetAvailableIsNotifiedWithItsValueWhenWritten() {
    try (WireClient watch = monitor(fixture, ben, "monitor:strict \\.ttbnote@");
        WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      untilHeartbeat(watch);
      assertThat(annOwner.command("update:ttb:3600000:@ben:later.ttbnote@ann early"))
          .startsWith("data:");
      JsonNode n = next(watch);
      assertThat(n.get("key").asText()).isEqualTo("@ben:later.ttbnote@ann");
      assertThat(n.get("value").asText()).isEqualTo("early");
      assertThat(annOwner.command("llookup:@ben:later.ttbnote@ann")).isEqualTo("data:null");
      assertThat(benOwner.command("lookup:later.ttbnote@ann")).isEqualTo("data:null");
      assertThat(benOwner.command("notify:list \\.ttbnote@")).contains("\"value\":\"early\"");
    }
  }
}
