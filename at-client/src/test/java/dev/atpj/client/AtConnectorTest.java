package dev.atpj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.directory.MissThrottle;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connector against a real atDirectory and a protocol double of an atServer, over TLS. */
@ExtendWith(TestPkiExtension.class)
class AtConnectorTest {
  static final AtSign ALICE = AtSign.parse("@alice");
  static final String SECRET = "s3cret";

  private static EventLoops loops;
  private static DirectoryServer directory;
  private static FakeAtServer alice;
  private static AtConnector connector;
  private static InMemoryDirectoryRegistry registry;
  private static TestPki testPki;

  @BeforeAll
  static void start(TestPki pki) {
    loops = EventLoops.create(1);
    ServerCredentials credentials = pki.serverCredentials(FakeAtServer.HOST);
    alice = new FakeAtServer(loops, credentials, ALICE, SECRET);
    testPki = pki;
    registry = new InMemoryDirectoryRegistry();
    registry.put(ALICE, new HostPort(FakeAtServer.HOST, alice.address().port()));
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
                .withTrustedCa(pki.caCertFile())
                .withRetries(2, Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    connector.close();
    directory.close();
    alice.close();
    loops.close();
  }

  @Test
  void aDeadlineEndsTheWholeConnectWhateverStepHangs() throws Exception {
    AtSign paused = AtSign.parse("@paused");
    // A listening socket nobody serves: TCP connects, the TLS handshake never gets an answer.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(FakeAtServer.HOST))) {
      registry.put(paused, new HostPort(FakeAtServer.HOST, silent.getLocalPort()));
      ClientOptions options =
          ClientOptions.defaults()
              .withTrustedCa(testPki.caCertFile())
              .withRetries(3, Duration.ofMillis(100))
              .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
              .withDeadline(Instant.now().plusSeconds(1));
      try (AtConnector bounded =
          AtConnector.using(loops, new HostPort(FakeAtServer.HOST, directory.port()), options)) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> bounded.connect(paused))
            .isInstanceOfSatisfying(
                AtException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(AtErrorCode.TIMEOUT);
                  assertThat(e.detail()).contains("atServer at " + FakeAtServer.HOST);
                });
        // Each step alone may take 5 s, three times; the deadline is 1 s away.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
      }
    } finally {
      registry.remove(paused);
    }
  }

  @Test
  void locatesThroughTheDirectory() {
    assertThat(connector.locate(ALICE)).isEqualTo(alice.address());
    assertThat(connector.locate(AtSign.parse("ALICE"))).isEqualTo(alice.address());
  }

  @Test
  void anUnknownAtSignIsAClearErrorAfterRetries() {
    assertThatThrownBy(() -> connector.locate(AtSign.parse("@nobody")))
        .isInstanceOf(AtException.class)
        .hasMessageContaining("does not know @nobody")
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.SECONDARY_NOT_FOUND);
  }

  @Test
  void anAnswerThatIsNotHostPortIsAClientErrorWithoutRetries() {
    // The double is no directory: it answers the bare atSign with an error line.
    try (AtConnector confused = AtConnector.using(loops, alice.address(), connector.options())) {
      long asked = alice.received().stream().filter("bob"::equals).count();
      assertThatThrownBy(() -> confused.locate(AtSign.parse("@bob")))
          .isInstanceOf(AtException.class)
          .hasMessageContaining("answered something else than host:port for @bob")
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.CLIENT_EXCEPTION);
      assertThat(alice.received().stream().filter("bob"::equals).count()).isEqualTo(asked + 1);
    }
  }

  @Test
  void cramAuthenticatesAndCommandsReturnTheirPayload() {
    try (AtConnection connection = connector.connectWithCram(ALICE, SECRET)) {
      assertThat(connection.authenticatedAs()).contains(ALICE);
      assertThat(connection.execute("update:public:location@alice NYC")).isEqualTo("1");
      assertThat(connection.execute("llookup:public:location@alice")).isEqualTo("NYC");
    }
  }

  @Test
  void serverErrorsBecomeTheirAtException() {
    try (AtConnection connection = connector.connectWithCram(ALICE, SECRET)) {
      assertThatThrownBy(() -> connection.execute("llookup:missing@alice"))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.KEY_NOT_FOUND);
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void aWrongSecretIsUnauthenticated() {
    assertThatThrownBy(() -> connector.connectWithCram(ALICE, "wrong"))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.UNAUTHENTICATED);
  }

  @Test
  void anUnansweredCommandTimesOutAndClosesTheConnection() {
    AtConnection connection = connector.connect(ALICE);
    try (connection) {
      assertThatThrownBy(() -> connection.execute("silent"))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.TIMEOUT);
      Await.until(() -> !connection.isOpen(), "connection closed after the timeout");
    }
  }

  @Test
  void multiLineCommandsAreRefused() {
    try (AtConnection connection = connector.connect(ALICE)) {
      assertThatThrownBy(() -> connection.execute("scan\nllookup:x@alice"))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.ILLEGAL_ARGUMENTS);
    }
  }

  @Test
  void notificationsGoToTheListenerNotToTheCommand() {
    List<String> notifications = new CopyOnWriteArrayList<>();
    try (AtConnection connection = connector.connectWithCram(ALICE, SECRET)) {
      connection.onNotification(notifications::add);
      assertThat(connection.execute("notifyme")).isEqualTo("ok");
      Await.until(() -> !notifications.isEmpty(), "the notification");
      assertThat(notifications).containsExactly("{\"id\":\"1\"}");
    }
  }

  @Test
  void anUnreachableServerIsUnableToConnect() {
    assertThatThrownBy(() -> connector.connect(new HostPort(FakeAtServer.HOST, 1)))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.UNABLE_TO_CONNECT);
  }

  @Test
  void anUntrustedServerIsUnableToConnect(@org.junit.jupiter.api.io.TempDir Path other) {
    TestPki stranger = TestPki.create(other);
    try (AtConnector strict =
        AtConnector.using(
            loops,
            new HostPort(FakeAtServer.HOST, directory.port()),
            ClientOptions.defaults()
                .withTrustedCa(stranger.caCertFile())
                .withRetries(1, Duration.ZERO))) {
      assertThatThrownBy(() -> strict.locate(ALICE))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.UNABLE_TO_CONNECT);
    }
  }
}
