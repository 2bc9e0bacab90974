package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.HostPort;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.peer.Peers;
import dev.atpj.testing.Await;
import dev.atpj.testing.SilentTlsServer;
import dev.atpj.testing.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound connections between atServers (docs/protocol.md Part A §11, B3, B13): reuse, the bound
 * on their number, idle closing, recovery after the peer restarts, peers that are down or hang, and
 * the block list.
 */
@ExtendWith(SharedPeerFixture.class)
class PeerConnectionWireTest {
  private static final Duration FRANK_TIMEOUT = Duration.ofSeconds(3);

  private static MultiServerFixture fixture;
  private static AtServer alice;
  private static AtServer bob;
  private static AtServer carol;
  private static SilentTlsServer silent;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    alice = fixture.server("@alice");
    bob = fixture.server("@bob");
    carol = fixture.server("@carol");
    fixture.start(
        "@frank",
        config ->
            config
                .peers(
                    fixture
                        .peerDefaults()
                        .maxOutboundConnections(1)
                        .idleTimeout(Duration.ofMillis(300))
                        .connectTimeout(FRANK_TIMEOUT)
                        .requestTimeout(FRANK_TIMEOUT)
                        .lookupTimeout(FRANK_TIMEOUT)
                        .build())
                .notifications(NotificationConfig.builder().autoNotify(false).build()));
    String silentHost = fixture.newHost();
    silent = SilentTlsServer.start(fixture.pki().contextFor(silentHost), silentHost);
    fixture.register("@hang", silent.host(), silent.port());
    HostPort down = fixture.closedPort();
    fixture.register("@down", down.host(), down.port());
    fixture.update(
        alice,
        "update:@bob:reuse@alice r",
        "update:public:pub.limit@alice p",
        "update:@carol:blocked.k@alice c");
    fixture.update(bob, "update:public:card@bob bob-card");
  }

  @AfterAll
  static void stop() {
    silent.close();
  }

  @Test
  void repeatedLookupsReuseOneConnection() {
    Peers peers = bob.peers();
    try (WireClient client = fixture.owner(bob)) {
      assertThat(client.command("lookup:bypassCache:true:reuse@alice")).isEqualTo("data:r");
      long handshakes = peers.handshakesPerformed();
      long opened = peers.outboundConnectionsOpened();
      for (int i = 0; i < 5; i++) {
        assertThat(client.command("lookup:bypassCache:true:reuse@alice")).isEqualTo("data:r");
        assertThat(client.command("plookup:bypassCache:true:pub.limit@alice")).isEqualTo("data:p");
      }
      assertThat(peers.handshakesPerformed()).isEqualTo(handshakes);
      assertThat(peers.outboundConnectionsOpened())
          .as("the public connection was opened by the first plookup only")
          .isEqualTo(opened + 1);
    }
  }

  @Test
  void theDirectoryConnectionIsOpenedAtStartAndKeptAcrossAHandshake() {
    AtServer gina = fixture.start("@gina");
    Peers peers = gina.peers();
    Await.until(peers::keepsDirectoryConnection, "gina to open her atDirectory connection");
    fixture.update(alice, "update:@gina:hello@alice hi");
    try (WireClient client = fixture.owner(gina)) {
      assertThat(client.command("lookup:hello@alice")).isEqualTo("data:hi");
    }
    assertThat(peers.handshakesPerformed()).isEqualTo(1);
    assertThat(peers.keepsDirectoryConnection())
        .as("a lookup of a known atSign leaves the connection open")
        .isTrue();
  }

  @Test
  void concurrentFirstRequestsShareOneConnection() {
    Peers peers = carol.peers();
    long opened = peers.outboundConnectionsOpened();
    List<WireClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        clients.add(fixture.owner(carol));
      }
      clients.forEach(c -> c.send("plookup:card@bob"));
      for (WireClient client : clients) {
        assertThat(client.readReply()).isEqualTo("data:bob-card");
      }
    } finally {
      clients.forEach(WireClient::close);
    }
    assertThat(peers.outboundConnectionsOpened()).isEqualTo(opened + 1);
  }

  @Test
  void outboundConnectionsAreBoundedAndIdleOnesClose() {
    AtServer frank = fixture.server("@frank");
    Peers peers = frank.peers();
    try (WireClient first = fixture.owner(frank);
        WireClient second = fixture.owner(frank)) {
      assertThat(second.command("plookup:pub.limit@alice")).isEqualTo("data:p");
      Await.until(() -> peers.activeOutboundConnections() == 0, "the idle connection to close");

      long opened = peers.outboundConnectionsOpened();
      first.send("lookup:x@hang");
      Await.until(() -> peers.outboundConnectionsOpened() > opened, "frank to connect to @hang");
      assertThat(second.command("plookup:bypassCache:true:pub.limit@alice"))
          .as("the only outbound connection is busy")
          .startsWith("error:AT0006-");
      assertThat(first.readReply()).startsWith("error:AT0008-");
      assertThat(second.command("plookup:bypassCache:true:pub.limit@alice")).isEqualTo("data:p");
    }
  }

  @Test
  void peersThatAreDownOrHangGiveErrorsInBoundedTime() {
    Peers peers = bob.peers();
    try (WireClient one = fixture.owner(bob);
        WireClient two = fixture.owner(bob)) {
      assertThat(one.command("lookup:x@down")).startsWith("error:AT0021-");
      assertThat(one.command("plookup:x@down")).startsWith("error:AT0021-");
      one.send("plookup:x@hang");
      two.send("lookup:x@hang");
      assertThat(one.readReply()).startsWith("error:AT0023-");
      assertThat(two.readReply()).startsWith("error:AT0008-");
      assertThat(one.lastPrompt()).isEqualTo("@bob@");
      assertThat(one.command("lookup:bypassCache:true:reuse@alice")).isEqualTo("data:r");
    }
    Await.until(() -> silent.connections() >= 2, "both connections to reach @hang");
    assertThat(peers.activeOutboundConnections())
        .as("connections to @hang were dropped; alice's are kept")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void thePoolRecoversWhenThePeerRestarts() {
    fixture.update(fixture.server("@frank"), "update:@bob:restart@frank before");
    Peers peers = bob.peers();
    try (WireClient client = fixture.owner(bob)) {
      assertThat(client.command("lookup:restart@frank")).isEqualTo("data:before");
      long handshakes = peers.handshakesPerformed();
      fixture.update(fixture.server("@frank"), "config:block:add:@nobody");
      AtServer frank = fixture.restart("@frank");
      fixture.update(frank, "update:@bob:restart@frank after");
      try (WireClient frankOwner = fixture.owner(frank)) {
        assertThat(frankOwner.command("config:block:show"))
            .as("the block list survives a restart")
            .isEqualTo("data:[\"@nobody\"]");
        frankOwner.command("config:block:remove:@nobody");
      }
      assertThat(client.command("lookup:restart@frank"))
          .as("new port, new connection, one new handshake")
          .isEqualTo("data:after");
      assertThat(peers.handshakesPerformed()).isEqualTo(handshakes + 1);
    }
  }

  @Test
  void blockedAtSignsAreRefusedAndTheListIsKept() {
    try (WireClient owner = fixture.owner(alice);
        WireClient carolClient = fixture.owner(carol)) {
      assertThat(carolClient.command("lookup:blocked.k@alice")).isEqualTo("data:c");
      assertThat(owner.command("config:block:show")).isEqualTo("data:null");
      assertThat(owner.command("config:block:add:@carol @alice @nobody")).isEqualTo("data:success");
      assertThat(owner.command("config:block:show")).isEqualTo("data:[\"@carol\",\"@nobody\"]");
      assertThat(owner.command("config:set:maxNotificationRetries=5"))
          .isEqualTo("data:testing mode disabled by default");

      assertThat(carolClient.command("lookup:blocked.k@alice"))
          .as("carol's open connection is refused too")
          .startsWith("error:")
          .contains("AT0013");
      assertThat(carolClient.command("lookup:blocked.k@alice")).contains("AT0013");
      try (WireClient asCarol = fixture.connectAs(fixture.hostOf("@carol"), alice)) {
        asCarol.send("from:@carol");
        assertThat(asCarol.readLine())
            .isEqualTo("error:AT0013-Connection Exception : Unable to connect");
        assertThat(asCarol.isClosedByServer(Duration.ofSeconds(5))).isTrue();
      }

      assertThat(owner.command("config:block:remove:@carol")).isEqualTo("data:success");
      assertThat(owner.command("config:block:show")).isEqualTo("data:[\"@nobody\"]");
      assertThat(carolClient.command("lookup:blocked.k@alice")).isEqualTo("data:c");
      assertThat(owner.command("config:block:remove:@nobody")).isEqualTo("data:success");
    }
    try (WireClient anyone = fixture.connect(alice)) {
      assertThat(anyone.command("config:block:show")).startsWith("error:AT0401-");
    }
  }
}
