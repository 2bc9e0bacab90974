package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.HostPort;
import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a notification's sender and recipient can ask about it (docs/protocol.md B11): {@code
 * notify:status} through queued, delivered, errored and expired, {@code strategy:latest}, {@code
 * notify:list} for the owner and for a pol-authenticated peer, {@code notify:fetch} and {@code
 * notify:remove}.
 */
@ExtendWith(SharedPeerFixture.class)
class NotifyStatusWireTest {
  private static MultiServerFixture fixture;
  private static AtServer ann;
  private static AtServer ben;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    ann = NotifyWire.server(fixture, "@ann");
    ben = NotifyWire.server(fixture, "@ben");
    HostPort closed = fixture.closedPort();
    fixture.register("@offline", closed.host(), closed.port());
  }

  @Test
  void statusGoesFromQueuedToDeliveredOrErroredOrExpired() {
    try (WireClient owner = fixture.owner(ann)) {
      String delivered = owner.command("notify:@ben:s.ns1@ann:v").substring(5);
      Await.until(
          () -> owner.command("notify:status:" + delivered).equals("data:delivered"), "delivered");
      String unknown = owner.command("notify:@nobody.ns1:s.ns1@ann:v").substring(5);
      Await.until(
          () -> owner.command("notify:status:" + unknown).equals("data:errored"),
          "an atSign the directory does not know: errored, not retried");
      String offline = owner.command("notify:ttln:60000:@offline:s.ns1@ann:v").substring(5);
      assertThat(owner.command("notify:status:" + offline))
          .as("unreachable: retried while it lives")
          .isEqualTo("data:queued");
      fixture.clock().advance(Duration.ofMinutes(2));
      assertThat(owner.command("notify:status:" + offline)).isEqualTo("data:expired");
      assertThat(owner.command("notify:status:no-such-id")).isEqualTo("data:null");
      String stats = owner.command("stats:11");
      assertThat(stats).startsWith("data: [").contains("NotificationCount");
      JsonNode counts =
          NotifyWire.json(
              NotifyWire.json(stats.substring("data: ".length())).get(0).get("value").asText());
      assertThat(counts.get("type").get("sent").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(counts.get("status").get("failed").asLong())
          .as("errored and expired")
          .isPositive();
      assertThat(fixture.connect(ann).command("notify:status:" + delivered))
          .startsWith("error:AT0401-");
    }
  }

  @Test
  void strategyLatestKeepsOnlyTheLatestWaitingNotificationsOfANotifier() {
    try (WireClient owner = fixture.owner(ann)) {
      String[] ids = new String[4];
      for (int i = 0; i < 4; i++) {
        ids[i] =
            owner
                .command(
                    "notify:strategy:latest:latestN:2:notifier:app.ns2:@offline:k.ns2@ann:v" + i)
                .substring(5);
      }
      String other = owner.command("notify:@offline:other.ns2@ann:v").substring(5);
      assertThat(owner.command("notify:status:" + ids[3])).isEqualTo("data:queued");
      assertThat(owner.command("notify:status:" + ids[2])).isEqualTo("data:queued");
      assertThat(owner.command("notify:status:" + other)).isEqualTo("data:queued");
      for (int i = 0; i < 2; i++) {
        String id = ids[i];
        Await.until(
            () -> owner.command("notify:status:" + id).equals("data:expired"),
            "superseded by two newer ones");
      }
    }
  }

  @Test
  void theOwnerListsReceivedNotificationsAndAPeerWhatWasSentToIt() {
    try (WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      String id = annOwner.command("notify:@ben:listed.ns3@ann:v").substring(5);
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      JsonNode received =
          NotifyWire.json(benOwner.command("notify:list:listed\\.ns3").substring(5));
      assertThat(received.size()).isEqualTo(1);
      assertThat(received.get(0).get("id").asText()).isEqualTo(id);
      assertThat(received.get(0).get("key").asText()).isEqualTo("@ben:listed.ns3@ann");
      assertThat(benOwner.command("notify:list:nothing-matches\\.ns3")).isEqualTo("data:null");
      String today = LocalDate.ofInstant(fixture.clock().instant(), ZoneOffset.UTC).toString();
      assertThat(benOwner.command("notify:list:" + today + ":" + today + ":listed\\.ns3"))
          .contains(id);
      assertThat(benOwner.command("notify:list:2001-01-01:2001-01-02:listed\\.ns3"))
          .isEqualTo("data:null");
      assertThat(annOwner.command("notify:list:listed\\.ns3"))
          .as("ann received none of these")
          .isEqualTo("data:null");
      try (WireClient asBen = NotifyWire.polAs(fixture, ben, ann)) {
        JsonNode sent = NotifyWire.json(asBen.command("notify:list:listed\\.ns3").substring(5));
        assertThat(sent.get(0).get("id").asText()).isEqualTo(id);
        assertThat(sent.get(0).get("to").asText()).isEqualTo("@ben");
      }
      assertThat(fixture.connect(ben).command("notify:list")).startsWith("error:AT0401-");
    }
  }

  @Test
  void fetchShowsAStoredNotificationAndRemoveForgetsIt() {
    try (WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      String id = annOwner.command("notify:@ben:fetched.ns4@ann:v4").substring(5);
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      JsonNode fetched = NotifyWire.json(benOwner.command("notify:fetch:" + id).substring(5));
      assertThat(fetched.get("id").asText()).isEqualTo(id);
      assertThat(fetched.get("fromAtSign").asText()).isEqualTo("@ann");
      assertThat(fetched.get("notification").asText()).isEqualTo("@ben:fetched.ns4@ann");
      assertThat(fetched.get("atValue").asText()).isEqualTo("v4");
      assertThat(fetched.get("type").asText()).isEqualTo("NotificationType.received");
      assertThat(fetched.get("notificationStatus").asText())
          .isEqualTo("NotificationStatus.delivered");
      fetched.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).isTrue());
      assertThat(benOwner.command("notify:remove:" + id)).isEqualTo("data:success");
      assertThat(benOwner.command("notify:fetch:" + id))
          .isEqualTo(
              "data:{\"id\":\"" + id + "\",\"notificationStatus\":\"NotificationStatus.expired\"}");
      assertThat(benOwner.command("notify:list:fetched\\.ns4")).isEqualTo("data:null");
      assertThat(fixture.connect(ben).command("notify:fetch:" + id)).startsWith("error:AT0401-");
    }
  }

  @Test
  void theSenderKeepsWhatItSentDeletePriorityAndNotifierIncluded() {
    try (WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      String id =
          annOwner
              .command("notify:delete:priority:high:notifier:app.ns6:ttln:600000:@ben:gone.ns6@ann")
              .substring(5);
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      JsonNode sent = NotifyWire.json(annOwner.command("notify:fetch:" + id).substring(5));
      assertThat(sent.get("type").asText()).isEqualTo("NotificationType.sent");
      assertThat(sent.get("opType").asText()).isEqualTo("OperationType.delete");
      assertThat(sent.get("priority").asText()).isEqualTo("NotificationPriority.high");
      assertThat(sent.get("notifier").asText()).isEqualTo("app.ns6");
      assertThat(sent.get("ttl").asText()).isEqualTo("600000");
      assertThat(sent.get("atValue").asText()).isEqualTo("null");
      JsonNode received = NotifyWire.json(benOwner.command("notify:list:gone\\.ns6").substring(5));
      assertThat(received.get(0).get("operation").asText()).isEqualTo("delete");
      assertThat(received.get(0).get("value").isNull()).isTrue();
    }
  }
}
