package dev.atpj.client;

import static dev.atpj.client.vectors.Vectors.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.data.DataCodec;
import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.data.PublicKeys;
import dev.atpj.client.data.ScriptedSecondary;
import dev.atpj.client.data.SharedKeys;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.notify.AtNotification;
import dev.atpj.client.notify.ConnectionListener;
import dev.atpj.client.notify.NotificationDecoder;
import dev.atpj.client.notify.Subscription;
import dev.atpj.client.notify.SubscriptionOptions;
import dev.atpj.client.vectors.Vectors;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.directory.MissThrottle;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Subscription} against a protocol double that pushes notification lines and drops or hangs
 * monitor connections: decryption, one delivery per id, resuming from the last epochMillis after a
 * drop, the heartbeat, filters and stats notifications.
 */
@ExtendWith(TestPkiExtension.class)
class SubscriptionTest {
  private static final AtSign BOB = AtSign.parse("@bob");
  private static final AtKeys BOB_KEYS = Vectors.keys("@bob");
  private static final AtCrypto CRYPTO = new AtCrypto();

  private static EventLoops loops;
  private static ServerCredentials credentials;
  private static TestPki testPki;
  private FakeAtServer server;
  private DirectoryServer directory;
  private AtConnector connector;
  private ScriptedSecondary bobServer;
  private final List<AtNotification> received = new CopyOnWriteArrayList<>();
  private final List<String> connectionEvents = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void loops(TestPki pki) {
    testPki = pki;
    loops = EventLoops.create(1);
    credentials = pki.serverCredentials(FakeAtServer.HOST);
  }

  @AfterAll
  static void stopLoops() {
    loops.close();
  }

  @BeforeEach
  void start() {
    server = new FakeAtServer(loops, credentials, BOB, "secret");
    server.keys().put("privatekey:at_pkam_publickey", BOB_KEYS.pkamPublicKey());
    InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
    registry.put(BOB, new HostPort(FakeAtServer.HOST, server.address().port()));
    directory =
        DirectoryServer.start(
            loops,
            DirectoryConfig.defaults(FakeAtServer.HOST, 0).withMissThrottle(MissThrottle.OFF),
            ServerTlsContext.load(
                new TlsFiles(credentials.certFile(), credentials.keyFile(), null), false),
            registry);
    connector =
        AtConnector.using(
            loops,
            new HostPort(FakeAtServer.HOST, directory.port()),
            ClientOptions.defaults()
                .withTrustedCa(testPki.caCertFile())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500))
                .withRetries(2, Duration.ofMillis(50)));
    bobServer = new ScriptedSecondary().answer("lookup:shared_key@alice", value("sharedKeyForBob"));
  }

  @AfterEach
  void stop() {
    connector.close();
    directory.close();
    server.close();
  }

  private Subscription subscribe(SubscriptionOptions options) {
    PublicKeys publicKeys = new PublicKeys(BOB, () -> BOB_KEYS, bobServer);
    SharedKeys shared =
        new SharedKeys(
            BOB, () -> BOB_KEYS, CRYPTO, bobServer, bobServer, publicKeys, ProtocolVersion.V1_5);
    DataCodec codec =
        new DataCodec(
            BOB,
            () -> BOB_KEYS,
            CRYPTO,
            ProtocolVersion.V1_5,
            bobServer,
            bobServer,
            shared,
            publicKeys);
    return Subscription.start(
        connector,
        BOB,
        () -> BOB_KEYS,
        options,
        new NotificationDecoder(BOB, codec, shared),
        received::add,
        new ConnectionListener() {
          @Override
          public void onLost(String address) {
            connectionEvents.add("lost " + address);
          }

          @Override
          public void onRestored(String address) {
            connectionEvents.add("restored " + address);
          }
        },
        Clock.systemUTC());
  }

  private static String notification(String id, long epochMillis, String key, String value) {
    return "{\"id\":\""
        + id
        + "\",\"from\":\"@alice\",\"to\":\"@bob\",\"key\":\""
        + key
        + "\",\"value\":"
        + (value == null ? "null" : "\"" + value + "\"")
        + ",\"operation\":\"update\",\"epochMillis\":"
        + epochMillis
        + ",\"messageType\":\"MessageType.key\",\"isEncrypted\":"
        + (value != null)
        + ",\"metadata\":{\"ttr\":-1}}";
  }

  @Test
  void deliversEachNotificationOnceDecryptedAndResumesFromTheLastEpochAfterADrop() {
    try (Subscription s = subscribe(SubscriptionOptions.defaults())) {
      assertThat(server.monitorCommands()).containsExactly("monitor:strict");
      String phone = notification("n1", 1_000_000, "@bob:phone@alice", value("sharedZeroIv"));
      server.pushNotification(phone);
      server.pushNotification(notification("n2", 2_000_000, "@bob:other@alice", null));
      server.pushNotification(phone);
      Await.until(() -> received.size() >= 2, "two notifications");

      assertThat(connectionEvents).isEmpty();
      server.dropMonitors();
      Await.until(() -> server.monitorCommands().size() == 2, "a new monitor command");
      String address = FakeAtServer.HOST + ":" + server.address().port();
      Await.until(() -> connectionEvents.size() == 2, "lost and restored");
      assertThat(connectionEvents).containsExactly("lost " + address, "restored " + address);
      assertThat(server.monitorCommands().get(1)).isEqualTo("monitor:strict:1995000");
      Await.until(() -> server.openMonitors() == 1, "the monitor connection reopened");
      server.pushNotification(notification("n2", 2_000_000, "@bob:other@alice", null));
      server.pushNotification(
          notification("n3", 3_000_000, "@bob:phone@alice", value("sharedZeroIv")));
      Await.until(() -> received.size() >= 3, "the third notification");

      assertThat(received).extracting(AtNotification::id).containsExactly("n1", "n2", "n3");
      assertThat(received.get(0).value()).isEqualTo(value("sharedPlaintext"));
      assertThat(received.get(0).encrypted()).isTrue();
      assertThat(received.get(0).from()).isEqualTo(AtSign.parse("@alice"));
      assertThat(received.get(1).value()).isNull();
      assertThat(s.lastEpochMillis()).isEqualTo(3_000_000);
      assertThat(s.connections()).isEqualTo(2);
      assertThat(bobServer.sent()).containsOnlyOnce("lookup:shared_key@alice");
    }
  }

  @Test
  void aHeartbeatWithoutAnswerDropsTheConnectionAndTheSubscriptionReconnects() {
    SubscriptionOptions options =
        SubscriptionOptions.defaults()
            .withSince(0L)
            .withTiming(Duration.ofMillis(100), Duration.ofMillis(200));
    try (Subscription s = subscribe(options)) {
      assertThat(server.monitorCommands()).containsExactly("monitor:strict:0");
      server.answerNoop(false);
      Await.until(() -> server.monitorCommands().size() >= 2, "a reconnection attempt");
      server.answerNoop(true);
      Await.until(() -> s.isConnected() && s.connections() >= 2, "connected again");
      assertThat(server.monitorCommands())
          .as("nothing received: replay from since")
          .allMatch(c -> c.equals("monitor:strict:0"));
    }
  }

  @Test
  void aServerThatRefusesMonitorFailsTheSubscription() {
    server.refuseMonitor(true);
    assertThatThrownBy(() -> subscribe(SubscriptionOptions.defaults()))
        .isInstanceOf(AtException.class)
        .hasMessageContaining("monitor");
  }

  @Test
  void sharedKeyNotificationsAreTakenAndFiltersAndStatsApply() {
    SubscriptionOptions options =
        SubscriptionOptions.defaults().withRegex("phone|shared_key").withStats(true);
    try (Subscription s = subscribe(options)) {
      assertThat(server.monitorCommands()).containsExactly("monitor phone|shared_key");
      server.pushNotification(
          notification("k1", 10, "@bob:shared_key@alice", value("sharedKeyForBob")));
      server.pushNotification(notification("x1", 11, "@bob:unrelated@carol", "zzz"));
      server.pushNotification(
          "{\"id\":\"-1\",\"from\":\"@bob\",\"to\":\"@bob\",\"key\":\"statsNotification.@bob\","
              + "\"value\":\"42\",\"operation\":\"update\",\"epochMillis\":12}");
      server.pushNotification(notification("p1", 13, "@bob:phone@alice", value("sharedZeroIv")));
      Await.until(() -> received.size() >= 3, "three notifications");
      assertThat(received).extracting(AtNotification::id).containsExactly("k1", "-1", "p1");
      assertThat(received.get(0).isSharedKey()).isTrue();
      assertThat(received.get(0).value()).as("the key itself is never handed out").isNull();
      assertThat(received.get(1).isStats()).isTrue();
      assertThat(received.get(1).value()).isEqualTo("42");
      assertThat(received.get(2).value()).isEqualTo(value("sharedPlaintext"));
      assertThat(bobServer.sent()).as("the key came with the notification").isEmpty();
      assertThat(s.lastEpochMillis()).isEqualTo(13);
    }
  }
}
