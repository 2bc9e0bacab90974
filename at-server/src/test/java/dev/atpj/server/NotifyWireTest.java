package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static dev.atpj.server.NotifyWire.withoutStats;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code notify} verb between atServers and its monitor stream (docs/protocol.md B11, C9): the
 * JSON each monitor gets, text messages, notifications to oneself, status and dedup. Each test uses
 * its own key namespace and monitors filtered on it, as the servers are shared.
 */
@ExtendWith(SharedPeerFixture.class)
class NotifyWireTest {
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
  void everyMonitorOfTheRecipientGetsTheNotificationInTheReferenceShape() {
    try (WireClient first = monitor(fixture, ben, "monitor:strict \\.nt1@");
        WireClient second = monitor(fixture, ben, "monitor:strict \\.nt1@");
        WireClient annOwner = fixture.owner(ann)) {
      untilHeartbeat(first);
      untilHeartbeat(second);
      String reply =
          annOwner.command(
              "notify:update:ttr:-1:ivNonce:AAECAwQFBgcICQoLDA0ODw==:@ben:phone.nt1@ann:c1ph3r");
      assertThat(reply).matches("data:[0-9a-f-]{36}");
      String id = reply.substring(5);
      for (WireClient monitor : List.of(first, second)) {
        JsonNode n = next(monitor);
        assertThat(n.get("id").isTextual()).isTrue();
        assertThat(n.get("id").asText()).isEqualTo(id);
        assertThat(n.get("from").asText()).isEqualTo("@ann");
        assertThat(n.get("to").asText()).isEqualTo("@ben");
        assertThat(n.get("key").asText()).isEqualTo("@ben:phone.nt1@ann");
        assertThat(n.get("value").asText()).isEqualTo("c1ph3r");
        assertThat(n.get("operation").asText()).isEqualTo("update");
        assertThat(n.get("epochMillis").isIntegralNumber()).isTrue();
        assertThat(n.get("messageType").asText()).isEqualTo("MessageType.key");
        assertThat(n.get("isEncrypted").asBoolean()).isTrue();
        assertThat(n.get("metadata").isObject()).isTrue();
        assertThat(n.get("metadata").get("ivNonce").asText()).isEqualTo("AAECAwQFBgcICQoLDA0ODw==");
        assertThat(n.get("metadata").has("ttr")).as("not in the reference's shape").isFalse();
      }
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"),
          "ann sees the notification delivered");
    }
  }

  @Test
  void textMessagesCarryTheTextInTheKey() {
    try (WireClient monitor = monitor(fixture, ben, "monitor:strict hello.nt2");
        WireClient annOwner = fixture.owner(ann)) {
      untilHeartbeat(monitor);
      String id =
          annOwner
              .command("notify:messageType:text:isEncrypted:false:@ben:hello.nt2 there")
              .substring(5);
      JsonNode n = next(monitor);
      assertThat(n.get("id").asText()).isEqualTo(id);
      assertThat(n.get("key").asText()).isEqualTo("@ben:hello.nt2 there");
      assertThat(n.get("value").isNull()).isTrue();
      assertThat(n.get("messageType").asText()).isEqualTo("MessageType.text");
      assertThat(n.get("isEncrypted").asBoolean()).isFalse();
      assertThat(n.get("metadata").isObject()).isTrue();
    }
  }

  @Test
  void aNotificationToOneselfIsReceivedWithoutANetworkHopAndEveryMonitorShowsIt() {
    long handshakes = ann.peers().handshakesPerformed();
    String id;
    try (WireClient plain = monitor(fixture, ann, "monitor:strict \\.nt3@");
        WireClient self = monitor(fixture, ann, "monitor:strict:selfNotifications \\.nt3@");
        WireClient owner = fixture.owner(ann)) {
      untilHeartbeat(plain);
      untilHeartbeat(self);
      id = owner.command("notify:update:@ann:country.nt3@ann:india").substring(5);
      assertThat(owner.command("notify:status:" + id)).isEqualTo("data:delivered");
      for (WireClient monitor : List.of(plain, self)) {
        JsonNode n = next(monitor);
        assertThat(n.get("id").asText()).isEqualTo(id);
        assertThat(n.get("from").asText()).isEqualTo("@ann");
        assertThat(n.get("to").asText()).isEqualTo("@ann");
        assertThat(n.get("key").asText()).isEqualTo("@ann:country.nt3@ann");
        assertThat(n.get("value").asText()).isEqualTo("india");
      }
      JsonNode listed = NotifyWire.json(owner.command("notify:list:country\\.nt3").substring(5));
      assertThat(listed.isArray()).isTrue();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
      assertThat(owner.command("notify:fetch:" + id))
          .contains("\"type\":\"NotificationType.received\"");
    }
    try (WireClient replay = monitor(fixture, ann, "monitor:strict:0 \\.nt3@")) {
      assertThat(next(replay).get("id").asText()).as("monitor:0 replays it").isEqualTo(id);
    }
    assertThat(ann.peers().handshakesPerformed()).isEqualTo(handshakes);
  }

  @Test
  void theSameIdTwiceReachesTheMonitorOnce() {
    String id = "dup-" + System.nanoTime();
    try (WireClient monitor = monitor(fixture, ben, "monitor:strict \\.nt4@");
        WireClient annOwner = fixture.owner(ann);
        WireClient asAnn = NotifyWire.polAs(fixture, ann, ben)) {
      untilHeartbeat(monitor);
      assertThat(annOwner.command("notify:id:" + id + ":@ben:dup.nt4@ann:v"))
          .isEqualTo("data:" + id);
      assertThat(annOwner.command("notify:id:" + id + ":@ben:dup.nt4@ann:v"))
          .isEqualTo("data:" + id);
      String forwarded =
          "notify:id:" + id + ":update:messageType:key:ttln:60000:@ben:dup.nt4@ann:v";
      assertThat(asAnn.command(forwarded)).as("a retry by hand").isEqualTo("data:success");
      assertThat(asAnn.command(forwarded)).isEqualTo("data:success");
      assertThat(next(monitor).get("id").asText()).isEqualTo(id);
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"),
          "both sends delivered");
      assertThat(withoutStats(untilHeartbeat(monitor))).as("no second line").isEmpty();
      assertThat(ben.notifications().counters().duplicateCount()).isPositive();
    }
  }

  @Test
  void aPeerMayOnlyNotifyAboutItsOwnKeysToTheRightAtSign() {
    try (WireClient asAnn = NotifyWire.polAs(fixture, ann, ben);
        WireClient anyone = fixture.connect(ben);
        WireClient annOwner = fixture.owner(ann)) {
      assertThat(asAnn.command("notify:@ben:k.nt5@cid:v")).startsWith("error:AT0009-");
      assertThat(asAnn.command("notify:@cid:k.nt5@ann:v")).startsWith("error:AT0022-");
      assertThat(anyone.command("notify:@ben:k.nt5@ann:v")).startsWith("error:AT0401-");
      assertThat(annOwner.command("notify:@ben:k.nt5@cid:v")).startsWith("error:AT0009-");
      assertThat(annOwner.command("notify:public:k.nt5@ann:v")).startsWith("error:AT0022-");
      assertThat(annOwner.command("notify:strategy:latest:@ben:k.nt5@ann:v"))
          .as("latest needs a notifier")
          .startsWith("error:AT0003-");
    }
  }

  @Test
  void notifyAllSendsToEachAtSign() {
    try (WireClient benMonitor = monitor(fixture, ben, "monitor:strict \\.nt6@");
        WireClient cidMonitor = monitor(fixture, cid, "monitor:strict \\.nt6@");
        WireClient annOwner = fixture.owner(ann)) {
      untilHeartbeat(benMonitor);
      untilHeartbeat(cidMonitor);
      JsonNode ids =
          NotifyWire.json(
              annOwner.command("notify:all:@ben,@cid,@ben:news.nt6@ann:hi").substring(5));
      assertThat(ids.size()).isEqualTo(2);
      JsonNode toBen = next(benMonitor);
      JsonNode toCid = next(cidMonitor);
      assertThat(toBen.get("id").asText()).isEqualTo(ids.get("@ben").asText());
      assertThat(toBen.get("key").asText()).isEqualTo("@ben:news.nt6@ann");
      assertThat(toCid.get("id").asText()).isEqualTo(ids.get("@cid").asText());
      assertThat(toCid.get("key").asText()).isEqualTo("@cid:news.nt6@ann");
      assertThat(toCid.get("value").asText()).isEqualTo("hi");
    }
  }

  @Test
  void pipelinedCommandsAreAnsweredInOrderWhileNotificationsAreStored() {
    String p = "p" + System.nanoTime();
    try (WireClient owner = fixture.owner(ann)) {
      owner.send("notify:id:" + p + "a:@ben:p.nt7@ann:1");
      owner.send("notify:id:" + p + "b:@ben:p.nt7@ann:2");
      owner.send("noop:0");
      owner.send("notify:id:" + p + "c:@ben:p.nt7@ann:3");
      owner.send("llookup:public:signing_publickey@ann");
      owner.send("notify:id:" + p + "d:@ben:p.nt7@ann:4");
      owner.send("from:@ann");
      assertThat(owner.readReply()).isEqualTo("data:" + p + "a");
      assertThat(owner.readReply()).isEqualTo("data:" + p + "b");
      assertThat(owner.readReply()).isEqualTo("data:ok");
      assertThat(owner.readReply()).isEqualTo("data:" + p + "c");
      assertThat(owner.readReply()).startsWith("data:MII");
      assertThat(owner.readReply()).isEqualTo("data:" + p + "d");
      assertThat(owner.readReply()).startsWith("data:_");
      assertThat(owner.lastPrompt()).isEqualTo("@ann@");
    }
  }
}
