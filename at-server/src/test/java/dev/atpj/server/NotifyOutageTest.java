package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static dev.atpj.server.NotifyWire.withoutStats;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipient's atServer is stopped while 100 notifications are sent, for {@code
 * atpj.notifyOutageMillis} (default 10 s), then started again on the same storage: every one
 * arrives on its monitor exactly once. Monitors before and after the outage see the stream resume
 * where it stopped ({@code monitor:<epochMillis of the last one seen>}, as at_java reconnects).
 */
@ExtendWith(SharedTestPki.class)
class NotifyOutageTest {
  private static final int COUNT = 100;

  @TempDir Path data;

  @Test
  void everyNotificationSentDuringAnOutageArrivesExactlyOnce(TestPki pki) throws Exception {
    long outage = Long.getLong("atpj.notifyOutageMillis", 10_000);
    NotificationConfig quickRetries =
        NotificationConfig.builder()
            .retryMinDelay(Duration.ofMillis(50))
            .retryMaxDelay(Duration.ofMillis(500))
            .build();
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer alice = fixture.start("@alice", b -> b.notifications(quickRetries));
      AtServer bob = fixture.start("@bob", b -> b.notifications(quickRetries));
      Set<String> sent = new LinkedHashSet<>();
      long lastSeen;
      try (WireClient aliceOwner = fixture.owner(alice)) {
        try (WireClient before = monitor(fixture, bob, "monitor:strict \\.out@")) {
          untilHeartbeat(before);
          sent.add(aliceOwner.command("notify:@bob:first.out@alice:v").substring(5));
          lastSeen = next(before).get("epochMillis").asLong();
        }
        fixture.stop("@bob");
        for (int i = 0; i < COUNT; i++) {
          aliceOwner.send("notify:@bob:n" + i + ".out@alice:v" + i);
        }
        Set<String> duringOutage = new LinkedHashSet<>();
        for (int i = 0; i < COUNT; i++) {
          String reply = aliceOwner.readReply();
          assertThat(reply).as("acknowledged while bob is down").startsWith("data:");
          duringOutage.add(reply.substring(5));
        }
        assertThat(aliceOwner.command("notify:status:" + duringOutage.iterator().next()))
            .isEqualTo("data:queued");
        Thread.sleep(outage); // the outage itself, not a wait for a result
        bob = fixture.resume("@bob");
        try (WireClient after = monitor(fixture, bob, "monitor:strict:" + lastSeen + " \\.out@")) {
          Set<String> arrived = new HashSet<>();
          for (JsonNode n : next(after, COUNT)) {
            assertThat(arrived.add(n.get("id").asText())).as("each once").isTrue();
          }
          assertThat(arrived).isEqualTo(duringOutage);
          for (String id : duringOutage) {
            Await.until(
                () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"),
                Duration.ofSeconds(30),
                "alice sees " + id + " delivered");
          }
          assertThat(withoutStats(untilHeartbeat(after))).as("nothing twice").isEmpty();
        }
      }
      assertThat(bob.notifications().counters().receivedCount()).isEqualTo(COUNT);
    }
  }
}
