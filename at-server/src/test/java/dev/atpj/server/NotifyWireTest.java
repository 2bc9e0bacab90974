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
 * The {@code notify} verb between atServers and its monitor stream (PROTOCOL.md B11, C9): the JSON
 * each monitor gets, text messages, notifications to oneself, status and dedup. Each test uses its
 * own key namespace and monitors filtered on it, as the servers are shared.
 */
@ExtendWith(SharedPeerFixture.class)
class NotifyWireTest {
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
  void everyMonitorOfTheRecipientGetsTheNotificationInTheReferenceShape() {
    try (WireClient first = monitor(fixture, bob, "monitor:strict \\.nt1@");
        WireClient second = monitor(fixture, bob, "monitor:strict \\.nt1@");
        WireClient aliceOwner = fixture.owner(alice)) {
      untilHeartbeat(first);
      untilHeartbeat(second);
      String reply =
          aliceOwner.command(
              "notify:update:ttr:-1:ivNonce:AAECAwQFBgcICQoLDA0ODw==:@bob:phone.nt1@alice:c1ph3r");
      assertThat(reply).matches("data:[0-9a-f-]{36}");
      String id = reply.substring(5);
      for (WireClient monitor : List.of(first, second)) {
        JsonNode n = next(monitor);
        assertThat(n.get("id").isTextual()).isTrue();
        assertThat(n.get("id").asText()).isEqualTo(id);
        assertThat(n.get("from").asText()).isEqualTo("@alice");
        assertThat(n.get("to").asText()).isEqualTo("@bob");
        assertThat(n.get("key").asText()).isEqualTo("@bob:phone.nt1@alice");
        assertThat(n.get("value").asText()).isEqualTo("c1ph3r");
        assertThat(n.get("operation").asText()).isEqualTo("update");
        assertThat(n.get("epochMillis").isIntegralNumber()).isTrue();
        assertThat(n.get("messageType").asText()).isEqualTo("MessageType.key");
        assertThat(n.get("isEncrypted").asBoolean()).isTrue();
        assertThat(n.get("metadata").isObject()).isTrue();
        assertThat(n.get("metadata").get("ivNonce").asText()).isEqualTo("AAECAwQFBgcICQoLDA0ODw==");
        assertThat(n.get("metadata").get("ttr").asLong()).isEqualTo(-1);
      }
      Await.until(
          () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"),
          "alice sees the notification delivered");
    }
  }

  @Test
  void textMessagesCarryTheTextInTheKey() {
    try (WireClient monitor = monitor(fixture, bob, "monitor:strict hello.nt2");
        WireClient aliceOwner = fixture.owner(alice)) {
      untilHeartbeat(monitor);
      String id =
          aliceOwner
              .command("notify:messageType:text:isEncrypted:false:@bob:hello.nt2 there")
              .substring(5);
      JsonNode n = next(monitor);
      assertThat(n.get("id").asText()).isEqualTo(id);
      assertThat(n.get("key").asText()).isEqualTo("@bob:hello.nt2 there");
      assertThat(n.get("value").isNull()).isTrue();
      assertThat(n.get("messageType").asText()).isEqualTo("MessageType.text");
      assertThat(n.get("isEncrypted").asBoolean()).isFalse();
      assertThat(n.get("metadata").isObject()).isTrue();
    }
  }

  @Test
  void aNotificationToOneselfIsDeliveredWithoutANetworkHopToSelfMonitorsOnly() {
    long handshakes = alice.context().peers().handshakesPerformed();
    try (WireClient plain = monitor(fixture, alice, "monitor:strict \\.nt3@");
        WireClient self = monitor(fixture, alice, "monitor:strict:selfNotifications \\.nt3@");
        WireClient owner = fixture.owner(alice)) {
      untilHeartbeat(plain);
      untilHeartbeat(self);
      String id = owner.command("notify:@alice:note.nt3@alice:to-me").substring(5);
      assertThat(owner.command("notify:status:" + id)).isEqualTo("data:delivered");
      JsonNode n = next(self);
      assertThat(n.get("id").asText()).isEqualTo(id);
      assertThat(n.get("from").asText()).isEqualTo("@alice");
      assertThat(n.get("to").asText()).isEqualTo("@alice");
      assertThat(n.get("key").asText()).isEqualTo("@alice:note.nt3@alice");
      assertThat(untilHeartbeat(plain)).as("not a self monitor").isEmpty();
    }
    assertThat(alice.context().peers().handshakesPerformed()).isEqualTo(handshakes);
  }

  @Test
  void theSameIdTwiceReachesTheMonitorOnce() {
    String id = "dup-" + System.nanoTime();
    try (WireClient monitor = monitor(fixture, bob, "monitor:strict \\.nt4@");
        WireClient aliceOwner = fixture.owner(alice);
        WireClient asAlice = NotifyWire.polAs(fixture, alice, bob)) {
      untilHeartbeat(monitor);
      assertThat(aliceOwner.command("notify:id:" + id + ":@bob:dup.nt4@alice:v"))
          .isEqualTo("data:" + id);
      assertThat(aliceOwner.command("notify:id:" + id + ":@bob:dup.nt4@alice:v"))
          .isEqualTo("data:" + id);
      String forwarded =
          "notify:id:" + id + ":update:messageType:key:ttln:60000:@bob:dup.nt4@alice:v";
      assertThat(asAlice.command(forwarded)).as("a retry by hand").isEqualTo("data:success");
      assertThat(asAlice.command(forwarded)).isEqualTo("data:success");
      assertThat(next(monitor).get("id").asText()).isEqualTo(id);
      Await.until(
          () -> aliceOwner.command("notify:status:" + id).equals("data:delivered"),
          "both sends delivered");
      assertThat(withoutStats(untilHeartbeat(monitor))).as("no second line").isEmpty();
      assertThat(bob.context().notifications().counters().duplicateCount()).isPositive();
    }
  }

  @Test
  void aPeerMayOnlyNotifyAboutItsOwnKeysToTheRightAtSign() {
    try (WireClient asAlice = NotifyWire.polAs(fixture, alice, bob);
        WireClient anyone = fixture.connect(bob);
        WireClient aliceOwner = fixture.owner(alice)) {
      assertThat(asAlice.command("notify:@bob:k.nt5@carol:v")).startsWith("error:AT0009-");
      assertThat(asAlice.command("notify:@carol:k.nt5@alice:v")).startsWith("error:AT0022-");
      assertThat(anyone.command("notify:@bob:k.nt5@alice:v")).startsWith("error:AT0401-");
      assertThat(aliceOwner.command("notify:@bob:k.nt5@carol:v")).startsWith("error:AT0009-");
      assertThat(aliceOwner.command("notify:public:k.nt5@alice:v")).startsWith("error:AT0022-");
      assertThat(aliceOwner.command("notify:strategy:latest:@bob:k.nt5@alice:v"))
          .as("latest needs a notifier")
          .startsWith("error:AT0003-");
    }
  }

  @Test
  void notifyAllSendsToEachAtSign() {
    try (WireClient bobMonitor = monitor(fixture, bob, "monitor:strict \\.nt6@");
        WireClient carolMonitor = monitor(fixture, carol, "monitor:strict \\.nt6@");
        WireClient aliceOwner = fixture.owner(alice)) {
      untilHeartbeat(bobMonitor);
      untilHeartbeat(carolMonitor);
      JsonNode ids =
          NotifyWire.json(
              aliceOwner.command("notify:all:@bob,@carol,@bob:news.nt6@alice:hi").substring(5));
      assertThat(ids.size()).isEqualTo(2);
      JsonNode toBob = next(bobMonitor);
      JsonNode toCarol = next(carolMonitor);
      assertThat(toBob.get("id").asText()).isEqualTo(ids.get("@bob").asText());
      assertThat(toBob.get("key").asText()).isEqualTo("@bob:news.nt6@alice");
      assertThat(toCarol.get("id").asText()).isEqualTo(ids.get("@carol").asText());
      assertThat(toCarol.get("key").asText()).isEqualTo("@carol:news.nt6@alice");
      assertThat(toCarol.get("value").asText()).isEqualTo("hi");
    }
  }
}
