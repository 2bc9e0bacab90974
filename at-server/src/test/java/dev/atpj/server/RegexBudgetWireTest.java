package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's regex with catastrophic backtracking ({@code ((a+)+)+$} against a run of {@code a}s
 * ending in another character) is matched with a budget and off the event loops: it neither stalls
 * another atSign's connections on the shared event loops nor the monitor itself.
 */
@ExtendWith(SharedTestPki.class)
class RegexBudgetWireTest {
  /** Unbounded backtracking on this key takes tens of seconds; a bounded match, milliseconds. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  private static final String EVIL = "((a+)+)+$";
  private static final String KEY = "a".repeat(28) + "b";

  @Test
  void aCatastrophicMonitorRegexDoesNotStallAnotherAtSign(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer victim = fixture.start("@victim");
      AtServer other = fixture.start("@other");
      List<WireClient> others = new ArrayList<>();
      try (WireClient monitor = owner(fixture, victim);
          WireClient sender = owner(fixture, victim)) {
        for (int i = 0; i < 4; i++) { // round robin: some share every event loop
          others.add(connect(pki, other));
        }
        monitor.send("monitor:selfNotifications " + EVIL);
        NotifyWire.untilHeartbeat(monitor);
        assertThat(sender.command("notify:update:@victim:" + KEY + "@victim:v"))
            .startsWith("data:");
        for (WireClient client : others) {
          assertThat(client.command("noop:0")).isEqualTo("data:ok");
        }
        assertThat(sender.command("noop:0")).isEqualTo("data:ok");
        assertThat(NotifyWire.withoutStats(NotifyWire.untilHeartbeat(monitor)))
            .as("the key does not match within the budget")
            .isEmpty();
      } finally {
        others.forEach(WireClient::close);
      }
    }
  }

  private static WireClient connect(TestPki pki, AtServer server) {
    WireClient client =
        WireClient.connect(AtServerFixture.HOST, server.port(), pki.clientContext(), ANSWER_WITHIN);
    client.readPrompt();
    return client;
  }

  private static WireClient owner(AtServerFixture fixture, AtServer server) {
    WireClient client = connect(fixture.pki(), server);
    String atSign = server.atSign().toString();
    String challenge = client.command("from:" + atSign).substring("data:".length());
    String digest = AtCrypto.cramDigest(AtServerFixture.secretOf(atSign), challenge);
    assertThat(client.command("cram:" + digest)).isEqualTo("data:success");
    return client;
  }
}
