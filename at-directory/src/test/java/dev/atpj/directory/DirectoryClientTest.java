package dev.atpj.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.DirectoryClients;
import dev.atpj.server.core.LineClient;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The atServer's directory client against a real directory: kept connection, cache, sessions. */
@ExtendWith(TestPkiExtension.class)
class DirectoryClientTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");
  private final InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
  private final AtomicLong now = new AtomicLong();
  private DirectoryFixture fixture;
  private DirectoryServer directory;
  private DirectoryClient client;

  @BeforeEach
  void start(TestPki pki) {
    fixture = new DirectoryFixture(pki);
    registry.put(ALICE, HostPort.parse("127.0.0.2:47001"));
    registry.put(BOB, HostPort.parse("127.0.0.3:47002"));
    directory = fixture.start(registry);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    directory.close();
    fixture.close();
  }

  private DirectoryClient client(DirectoryClientConfig config) {
    client =
        new DirectoryClient(
            fixture.loops(),
            ClientTlsContext.create(fixture.pki().caCertFile(), null),
            config,
            now::get);
    return client;
  }

  private DirectoryClientConfig config() {
    return DirectoryClientConfig.defaults(new HostPort(DirectoryFixture.HOST, directory.port()));
  }

  private static Optional<HostPort> find(DirectoryClient client, AtSign atSign) throws Exception {
    return client.find(atSign).get(10, TimeUnit.SECONDS);
  }

  @Test
  void oneConnectionOpenedAheadServesLookupAfterLookup() throws Exception {
    DirectoryClient c = client(config().withCacheTimes(Duration.ZERO, Duration.ZERO));
    c.connectAhead();
    Await.until(() -> directory.activeConnections() == 1, "the kept connection is accepted");

    for (int i = 0; i < 3; i++) {
      assertThat(find(c, ALICE)).contains(new HostPort("127.0.0.2", 47001));
      assertThat(find(c, BOB)).contains(new HostPort("127.0.0.3", 47002));
    }

    assertThat(c.keepsConnection()).isTrue();
    assertThat(directory.activeConnections()).isEqualTo(1);
  }

  @Test
  void aQuickAnswerOnTheKeptConnectionIsNeverLeftBehindAsAStaleLookup() throws Exception {
    DirectoryClient c = client(config().withCacheTimes(Duration.ZERO, Duration.ZERO));
    for (int i = 0; i < 200; i++) {
      String address = "127.0.0." + (2 + i % 2) + ":" + (47001 + i);
      registry.put(ALICE, HostPort.parse(address));
      assertThat(find(c, ALICE)).contains(HostPort.parse(address));
    }
  }

  /**
   * The race behind a stale answer, made certain: a lookup started from the completion of the
   * previous one (as a caller woken by it does, before the cache has seen the completion) must ask
   * the directory again, not share the finished request.
   */
  @Test
  void aLookupStartedAsThePreviousOneCompletesAsksTheDirectoryAgain() throws Exception {
    DirectoryClient c = client(config().withCacheTimes(Duration.ZERO, Duration.ZERO));
    for (int i = 0; i < 20; i++) {
      HostPort moved = HostPort.parse("127.0.0.9:" + (48001 + i));
      CompletableFuture<Optional<HostPort>> next =
          c.find(ALICE)
              .thenCompose(
                  first -> {
                    registry.put(ALICE, moved);
                    return c.find(ALICE);
                  });
      assertThat(next.get(10, TimeUnit.SECONDS)).contains(moved);
    }
  }

  @Test
  void anUnknownAtSignClosesTheKeptConnectionAndTheNextLookupOpensAnother() throws Exception {
    DirectoryClient c = client(config().withCacheTimes(Duration.ZERO, Duration.ZERO));
    assertThat(find(c, ALICE)).isPresent();
    assertThat(c.keepsConnection()).isTrue();

    assertThat(find(c, AtSign.parse("@nobody"))).isEmpty();
    assertThat(c.keepsConnection()).isFalse();
    Await.until(() -> directory.activeConnections() == 0, "the directory sees it close");

    assertThat(find(c, AtSign.parse("@nobody2"))).isEmpty(); // not throttled: a new connection
    assertThat(find(c, BOB)).isPresent();
    assertThat(c.keepsConnection()).isTrue();
  }

  @Test
  void aKeptConnectionClosedByTheDirectoryIsReplacedWithoutFailingTheLookup() throws Exception {
    directory.close();
    directory =
        fixture.start(
            DirectoryConfig.defaults(DirectoryFixture.HOST, 0)
                .withIdleTimeout(Duration.ofMillis(100)),
            registry);
    DirectoryClient c = client(config().withCacheTimes(Duration.ZERO, Duration.ZERO));
    assertThat(find(c, ALICE)).isPresent();
    Await.until(() -> directory.activeConnections() == 0, "the directory closes it when idle");

    assertThat(find(c, BOB)).contains(new HostPort("127.0.0.3", 47002));
    assertThat(c.keepsConnection()).isTrue();
  }

  @Test
  void anIdleKeptConnectionIsClosed() throws Exception {
    DirectoryClient c = client(config().withKeepAlive(Duration.ofMillis(50), true));
    assertThat(find(c, ALICE)).isPresent();

    Await.until(() -> !c.keepsConnection(), "the idle connection is closed");
    Await.until(() -> directory.activeConnections() == 0, "the directory sees it close");
  }

  @Test
  void withoutKeepAliveEachLookupHasItsOwnConnection() throws Exception {
    DirectoryClient c =
        client(
            config()
                .withKeepAlive(Duration.ZERO, true)
                .withCacheTimes(Duration.ZERO, Duration.ZERO));
    c.connectAhead();
    assertThat(find(c, ALICE)).isPresent();

    assertThat(c.keepsConnection()).isFalse();
    Await.until(() -> directory.activeConnections() == 0, "the lookup's connection closes");
  }

  @Test
  void answersAreCachedForTheirTimeByTheInjectedClock() throws Exception {
    DirectoryClient c =
        client(config().withCacheTimes(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    assertThat(find(c, ALICE)).contains(new HostPort("127.0.0.2", 47001));
    assertThat(find(c, AtSign.parse("@carol"))).isEmpty();
    registry.put(ALICE, HostPort.parse("127.0.0.9:47009"));
    registry.put(AtSign.parse("@carol"), HostPort.parse("127.0.0.4:47004"));

    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(c.isCached(ALICE)).isTrue();
    assertThat(find(c, ALICE)).contains(new HostPort("127.0.0.2", 47001));
    assertThat(find(c, AtSign.parse("@carol"))).isEmpty();

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(find(c, AtSign.parse("@carol"))).contains(new HostPort("127.0.0.4", 47004));
    assertThat(find(c, ALICE)).contains(new HostPort("127.0.0.2", 47001));

    now.addAndGet(Duration.ofSeconds(25).toNanos());
    assertThat(c.isCached(ALICE)).isFalse();
    assertThat(find(c, ALICE)).contains(new HostPort("127.0.0.9", 47009));
  }

  @Test
  void aRegistryHandsOutOneClientPerDirectoryAndCaUntilItsLastUserCloses(@TempDir Path dir)
      throws Exception {
    DirectoryClients clients = new DirectoryClients(fixture.loops(), now::get);
    Path caCopy = Files.copy(fixture.pki().caCertFile(), dir.resolve("ca-copy.pem"));
    DirectoryClients.Handle first = clients.acquire(config(), fixture.pki().caCertFile());
    DirectoryClients.Handle second = clients.acquire(config(), caCopy); // same CA, other file
    DirectoryClients.Handle other = clients.acquire(config().withAttempts(3), caCopy);
    assertThat(second.client()).isSameAs(first.client());
    assertThat(other.client()).isNotSameAs(first.client());
    assertThat(clients.size()).isEqualTo(2);
    other.close();
    other.close();
    assertThat(clients.size()).isEqualTo(1);

    first.client().connectAhead();
    second.client().connectAhead();
    Await.until(() -> directory.activeConnections() == 1, "one kept connection for both users");
    first.close();
    first.close(); // a second close does not release the other user's hold
    assertThat(find(second.client(), ALICE)).isPresent();
    assertThat(second.client().keepsConnection()).isTrue();

    second.close();
    assertThat(clients.size()).isZero();
    assertThat(second.client().keepsConnection()).isFalse();
    Await.until(() -> directory.activeConnections() == 0, "the last user's close closes it");
    clients.close();
    assertThatThrownBy(() -> clients.acquire(config(), null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientContextResumesTlsSessionsWithTheSameServer() throws Exception {
    ClientTlsContext tls = ClientTlsContext.create(fixture.pki().caCertFile(), null);
    Duration timeout = Duration.ofSeconds(10);
    LineClient first =
        LineClient.connect(
                fixture.loops(),
                tls,
                DirectoryFixture.HOST,
                directory.port(),
                timeout,
                UnaryOperator.identity())
            .get(10, TimeUnit.SECONDS);
    first.request("alice", timeout).get(10, TimeUnit.SECONDS); // session tickets have arrived
    first.close();
    LineClient second =
        LineClient.connect(
                fixture.loops(),
                tls,
                DirectoryFixture.HOST,
                directory.port(),
                timeout,
                UnaryOperator.identity())
            .get(10, TimeUnit.SECONDS);
    try {
      assertThat(second.tlsEngine().getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(resumed(second.tlsEngine())).isTrue();
    } finally {
      second.close();
    }
  }

  /**
   * Whether a BoringSSL engine resumed its session: netty keeps {@code isSessionReused()} package
   * private, so the test reads it reflectively (and is skipped on JDK TLS, which has no such flag).
   */
  private static boolean resumed(SSLEngine engine) throws ReflectiveOperationException {
    assumeTrue(ServerTlsContext.nativeTls(), "BoringSSL (netty-tcnative) is not available");
    Class<?> type = engine.getClass();
    while (!type.getSimpleName().equals("ReferenceCountedOpenSslEngine")) {
      type = type.getSuperclass();
    }
    Method reused = type.getDeclaredMethod("isSessionReused");
    reused.setAccessible(true);
    return (Boolean) reused.invoke(engine);
  }
}
