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
 * {@code monitor} (docs/protocol.md B1, B11, C9): filters on the key and on the sender, replay of
 * stored notifications newer than epochMillis before live ones and without duplicates, strict mode
 * and stats notifications, the heartbeat, errors.
 */
@ExtendWith(SharedPeerFixture.class)
class MonitorWireTest {
  private static MultiServerFixture fixture;
  private static AtServer ann;
  private static AtServer ben;
  private static AtServer cid;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    ann = NotifyWire.server(fixture, "@ann");
    ben = NotifyWire.server(fixture, "@ben");
    cid = NotifyWire.server(fixture, "@cid");
  }

  @Test
  void theRegexIsSearchedInTheKeyAndInTheSenderWithoutItsAt() {
    try (WireClient byKey = monitor(fixture, ben, "monitor:strict ^@ben:x\\.mt1@");
        WireClient bySender = monitor(fixture, ben, "monitor:strict ^cid$");
        WireClient annOwner = fixture.owner(ann);
        WireClient cidOwner = fixture.owner(cid)) {
      untilHeartbeat(byKey);
      untilHeartbeat(bySender);
      String fromAnn = annOwner.command("notify:@ben:x.mt1@ann:a").substring(5);
      String fromCid = cidOwner.command("notify:@ben:y.mt1@cid:c").substring(5);
      String keyAndCid = cidOwner.command("notify:@ben:x.mt1@cid:c2").substring(5);
      Set<String> gotByKey = ids(next(byKey, 2));
      assertThat(gotByKey).containsExactlyInAnyOrder(fromAnn, keyAndCid);
      Set<String> gotBySender = ids(next(bySender, 2));
      assertThat(gotBySender).containsExactlyInAnyOrder(fromCid, keyAndCid);
      assertThat(withoutStats(untilHeartbeat(byKey))).isEmpty();
      assertThat(withoutStats(untilHeartbeat(bySender))).isEmpty();
    }
  }

  @Test
  void storedNotificationsNewerThanEpochMillisAreReplayedInOrderBeforeLiveOnes() {
    List<String> sent = new ArrayList<>();
    try (WireClient annOwner = fixture.owner(ann)) {
      for (int i = 0; i < 5; i++) {
        String id = annOwner.command("notify:@ben:r" + i + ".mt2@ann:v" + i).substring(5);
        sent.add(id);
        Await.until(
            () -> annOwner.command("notify:status:" + id).equals("data:delivered"),
            "delivered in turn");
      }
      long firstEpoch;
      try (WireClient all = monitor(fixture, ben, "monitor:strict:0 \\.mt2@")) {
        List<JsonNode> replayed = next(all, 5);
        assertThat(replayed).extracting(n -> n.get("id").asText()).isEqualTo(sent);
        firstEpoch = replayed.get(0).get("epochMillis").asLong();
        assertThat(replayed.get(4).get("epochMillis").asLong()).isGreaterThan(firstEpoch);
      }
      try (WireClient newer = monitor(fixture, ben, "monitor:strict:" + firstEpoch + " \\.mt2@")) {
        assertThat(next(newer, 4))
            .extracting(n -> n.get("id").asText())
            .as("strictly newer than the first")
            .isEqualTo(sent.subList(1, 5));
        String live = annOwner.command("notify:@ben:live.mt2@ann:now").substring(5);
        assertThat(next(newer).get("id").asText()).isEqualTo(live);
        assertThat(withoutStats(untilHeartbeat(newer))).isEmpty();
      }
    }
  }

  @Test
  void notificationsArrivingDuringAReplayAreWrittenOnce() {
    try (WireClient annOwner = fixture.owner(ann)) {
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        annOwner.send("notify:@ben:b" + i + ".mt3@ann:v");
      }
      for (int i = 0; i < 300; i++) {
        sent.add(annOwner.readReply().substring(5));
      }
      try (WireClient replaying = monitor(fixture, ben, "monitor:strict:0 \\.mt3@")) {
        for (int i = 0; i < 50; i++) {
          annOwner.send("notify:@ben:late" + i + ".mt3@ann:v");
        }
        for (int i = 0; i < 50; i++) {
          sent.add(annOwner.readReply().substring(5));
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode n : next(replaying, 350)) {
          assertThat(seen.add(n.get("id").asText())).as("each once").isTrue();
        }
        assertThat(seen).isEqualTo(sent);
        for (String id : sent) {
          Await.until(
              () -> annOwner.command("notify:status:" + id).equals("data:delivered"),
              "all delivered");
        }
        assertThat(withoutStats(untilHeartbeat(replaying))).isEmpty();
      }
    }
  }

  @Test
  void monitorsThatAreNotStrictGetTheLatestCommitIdAsAStatsNotification() {
    try (WireClient loose = monitor(fixture, ben, "monitor \\.mt4@");
        WireClient strict = monitor(fixture, ben, "monitor:strict \\.mt4@");
        WireClient benOwner = fixture.owner(ben)) {
      long commitId = Long.parseLong(benOwner.command("update:k.mt4@ben v").substring(5));
      JsonNode stats =
          Await.untilPresent(
              () -> {
                JsonNode n = parse(loose.readLine());
                return Long.parseLong(n.get("value").asText()) >= commitId
                    ? java.util.Optional.of(n)
                    : java.util.Optional.empty();
              },
              Await.DEFAULT_TIMEOUT,
              "a stats notification with commit id " + commitId + " or later");
      assertThat(stats.get("id").asText()).isEqualTo("-1");
      assertThat(stats.get("key").asText()).isEqualTo("statsNotification.@ben");
      assertThat(stats.get("operation").asText()).isEqualTo("update");
      assertThat(stats.get("from").asText()).isEqualTo("@ben");
      assertThat(stats.get("epochMillis").isIntegralNumber()).isTrue();
      assertThat(untilHeartbeat(strict)).as("strict: no stats notifications").isEmpty();
    }
  }

  @Test
  void theMonitorConnectionStillAnswersCommandsAndBadRequestsAreRefused() {
    try (WireClient monitor = monitor(fixture, ben, "monitor:strict \\.mt5@");
        WireClient anyone = fixture.connect(ben);
        WireClient owner = fixture.owner(ben)) {
      assertThat(monitor.command("noop:0")).isEqualTo("data:ok");
      assertThat(monitor.lastPrompt()).isEqualTo("@ben@");
      assertThat(monitor.command("llookup:public:signing_publickey@ben")).startsWith("data:");
      assertThat(anyone.command("monitor")).startsWith("error:AT0401-");
      assertThat(owner.command("monitor:strict ([")).startsWith("error:AT0003-");
    }
    Await.until(() -> ben.notifications().monitorCount() == 0, "monitors closed");
  }

  private static Set<String> ids(List<JsonNode> notifications) {
    Set<String> ids = new HashSet<>();
    notifications.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }
}
