package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.parse;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static dev.atpj.server.NotifyWire.withoutStats;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code monitor} (PROTOCOL.md B1, B11, C9): filters on the key and on the sender, replay of stored
 * notifications newer than epochMillis before live ones and without duplicates, strict mode and
 * stats notifications, the heartbeat, errors.
 */
@ExtendWith(SharedPeerFixture.class)
class MonitorWireTest {
  private static MultiServerFixture fixture;
  private static AtServer alice;
  private static AtServer bob;
  private static AtServer carol;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    alice = fixture.server("@alice");
    bob = fixture.server("@bob");
    carol = fixture.server("@carol");
  }

  @Test
  void theRegexIsSearchedInTheKeyAndInTheSenderWithoutItsAt() {
    try (WireClient byKey = monitor(fixture, bob, "monitor:strict ^@bob:x\\.mt1@");
        WireClient bySender = monitor(fixture, bob, "monitor:strict ^carol$");
        WireClient aliceOwner = fixture.owner(alice);
        WireClient carolOwner = fixture.owner(carol)) {
      untilHeartbeat(byKey);
      untilHeartbeat(bySender);
      String fromAlice = aliceOwner.command("notify:@bob:x.mt1@alice:a").substring(5);
      String fromCarol = carolOwner.command("notify:@bob:y.mt1@carol:c").substring(5);
      String keyAndCarol = carolOwner.command("notify:@bob:x.mt1@carol:c2").substring(5);
      Set<String> gotByKey = ids(next(byKey, 2));
      assertThat(gotByKey).containsExactlyInAnyOrder(fromAlice, keyAndCarol);
      Set<String> gotBySender = ids(next(bySender, 2));
      assertThat(gotBySender).containsExactlyInAnyOrder(fromCarol, keyAndCarol);
      assertThat(withoutStats(untilHeartbeat(byKey))).isEmpty();
      assertThat(withoutStats(untilHeartbeat(bySender))).isEmpty();
    }
  }

  @Test
  void storedNotificationsNewerThanEpochMillisAreReplayedInOrderBeforeLiveOnes() {
    List<String> sent = new ArrayList<>();
    try (WireClient aliceOwner = fixture.owner(alice)) {
      for (int i = 0; i < 5; i++) {
        String id = aliceOwner.command("notify:@bob:r" + i + ".mt2@alice:v" + i).substring(5);
        sent.add(id);
        Await.until(
            () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"),
            "delivered in turn");
      }
      long firstEpoch;
      try (WireClient all = monitor(fixture, bob, "monitor:strict:0 \\.mt2@")) {
        List<JsonNode> replayed = next(all, 5);
        assertThat(replayed).extracting(n -> n.get("id").asText()).isEqualTo(sent);
        firstEpoch = replayed.get(0).get("epochMillis").asLong();
        assertThat(replayed.get(4).get("epochMillis").asLong()).isGreaterThan(firstEpoch);
      }
      try (WireClient newer = monitor(fixture, bob, "monitor:strict:" + firstEpoch + " \\.mt2@")) {
        assertThat(next(newer, 4))
            .extracting(n -> n.get("id").asText())
            .as("strictly newer than the first")
            .isEqualTo(sent.subList(1, 5));
        String live = aliceOwner.command("notify:@bob:live.mt2@alice:now").substring(5);
        assertThat(next(newer).get("id").asText()).isEqualTo(live);
        assertThat(withoutStats(untilHeartbeat(newer))).isEmpty();
      }
    }
  }

  @Test
  void notificationsArrivingDuringAReplayAreWrittenOnce() {
    try (WireClient aliceOwner = fixture.owner(alice)) {
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        aliceOwner.send("notify:@bob:b" + i + ".mt3@alice:v");
      }
      for (int i = 0; i < 300; i++) {
        sent.add(aliceOwner.readReply().substring(5));
      }
      try (WireClient replaying = monitor(fixture, bob, "monitor:strict:0 \\.mt3@")) {
        for (int i = 0; i < 50; i++) {
          aliceOwner.send("notify:@bob:late" + i + ".mt3@alice:v");
        }
        for (int i = 0; i < 50; i++) {
          sent.add(aliceOwner.readReply().substring(5));
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode n : next(replaying, 350)) {
          assertThat(seen.add(n.get("id").asText())).as("each once").isTrue();
        }
        assertThat(seen).isEqualTo(sent);
        for (String id : sent) {
          Await.until(
              () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"),
              "all delivered");
        }
        assertThat(withoutStats(untilHeartbeat(replaying))).isEmpty();
      }
    }
  }

  @Test
  void monitorsThatAreNotStrictGetTheLatestCommitIdAsAStatsNotification() {
    try (WireClient loose = monitor(fixture, bob, "monitor \\.mt4@");
        WireClient strict = monitor(fixture, bob, "monitor:strict \\.mt4@");
        WireClient bobOwner = fixture.owner(bob)) {
      String commitId = bobOwner.command("update:k.mt4@bob v").substring(5);
      JsonNode stats =
          Await.untilPresent(
              () -> {
                JsonNode n = parse(loose.readLine());
                return n.get("value").asText().equals(commitId)
                    ? java.util.Optional.of(n)
                    : java.util.Optional.empty();
              },
              Await.DEFAULT_TIMEOUT,
              "a stats notification with commit id " + commitId);
      assertThat(stats.get("id").asText()).isEqualTo("-1");
      assertThat(stats.get("key").asText()).isEqualTo("statsNotification.@bob");
      assertThat(stats.get("operation").asText()).isEqualTo("update");
      assertThat(stats.get("from").asText()).isEqualTo("@bob");
      assertThat(stats.get("epochMillis").isIntegralNumber()).isTrue();
      assertThat(untilHeartbeat(strict)).as("strict: no stats notifications").isEmpty();
    }
  }

  @Test
  void theMonitorConnectionStillAnswersCommandsAndBadRequestsAreRefused() {
    try (WireClient monitor = monitor(fixture, bob, "monitor:strict \\.mt5@");
        WireClient anyone = fixture.connect(bob);
        WireClient owner = fixture.owner(bob)) {
      assertThat(monitor.command("noop:0")).isEqualTo("data:ok");
      assertThat(monitor.lastPrompt()).isEqualTo("@bob@");
      assertThat(monitor.command("llookup:public:signing_publickey@bob")).startsWith("data:");
      assertThat(anyone.command("monitor")).startsWith("error:AT0401-");
      assertThat(owner.command("monitor:strict ([")).startsWith("error:AT0003-");
    }
    Await.until(() -> bob.context().notifications().monitorCount() == 0, "monitors closed");
  }

  private static Set<String> ids(List<JsonNode> notifications) {
    Set<String> ids = new HashSet<>();
    notifications.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }
}
