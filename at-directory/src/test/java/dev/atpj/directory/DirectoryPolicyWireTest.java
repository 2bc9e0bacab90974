package dev.atpj.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Directory behaviours that need their own configuration: throttling, limits, files, upstream. */
@ExtendWith(TestPkiExtension.class)
class DirectoryPolicyWireTest {
  private static final Duration SHORT_DELAY = Duration.ofMillis(400);
  private DirectoryFixture fixture;
  private final InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();

  @BeforeEach
  void start(TestPki pki) {
    fixture = new DirectoryFixture(pki);
    registry.put(AtSign.parse("@alice"), HostPort.parse("127.0.0.2:47001"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private DirectoryConfig config() {
    return DirectoryConfig.defaults(DirectoryFixture.HOST, 0);
  }

  @Test
  void secondMissIsDelayedAndThirdClosesWithoutAnswer() {
    MissThrottle throttle = new MissThrottle(true, 2, SHORT_DELAY, 3);
    try (DirectoryServer server = fixture.start(config().withMissThrottle(throttle), registry);
        WireClient client = fixture.connect(server)) {
      assertThat(client.command("nobody1")).isEqualTo("null");
      long start = System.nanoTime();
      assertThat(client.command("nobody2")).isEqualTo("null");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(SHORT_DELAY.minusMillis(50));
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
      client.send("nobody3");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void delayedMissesKeepPipelinedRepliesInOrder() {
    MissThrottle throttle = new MissThrottle(true, 2, SHORT_DELAY, 5);
    try (DirectoryServer server = fixture.start(config().withMissThrottle(throttle), registry);
        WireClient client = fixture.connect(server)) {
      client.sendRaw("nobody1\nalice\nnobody2\nalice\n".getBytes(StandardCharsets.UTF_8));
      assertThat(
              List.of(
                  client.readReply(), client.readReply(), client.readReply(), client.readReply()))
          .containsExactly("null", "127.0.0.2:47001", "null", "127.0.0.2:47001");
    }
  }

  @Test
  void withTheThrottleOffMissesAreAlwaysAnswered() {
    try (DirectoryServer server =
            fixture.start(config().withMissThrottle(MissThrottle.OFF), registry);
        WireClient client = fixture.connect(server)) {
      for (int i = 0; i < 10; i++) {
        assertThat(client.command("nobody" + i)).isEqualTo("null");
      }
    }
  }

  @Test
  void silentConnectionsAreClosedAfterTheIdleTimeout() {
    try (DirectoryServer server =
            fixture.start(config().withIdleTimeout(Duration.ofMillis(500)), registry);
        WireClient client = fixture.connect(server)) {
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void connectionsOverTheLimitAreClosed() {
    DirectoryConfig limited =
        new DirectoryConfig(
            DirectoryFixture.HOST,
            0,
            255,
            2,
            Duration.ofMinutes(1),
            MissThrottle.REFERENCE,
            Duration.ofSeconds(1),
            null,
            null,
            Duration.ofMinutes(1),
            Duration.ofSeconds(5));
    try (DirectoryServer server = fixture.start(limited, registry);
        WireClient first = fixture.connect(server);
        WireClient second = fixture.connect(server)) {
      try (WireClient third = fixture.pki().connect(DirectoryFixture.HOST, server.port())) {
        assertThat(third.isClosedByServer(Duration.ofSeconds(10))).isTrue();
      }
      assertThat(first.command("alice")).isEqualTo("127.0.0.2:47001");
    }
  }

  @Test
  void aRunningDirectoryPicksUpRegistryFileChanges(@TempDir Path home) {
    Path file = home.resolve("directory/registry.json");
    FileDirectoryRegistry served = FileDirectoryRegistry.open(file);
    try (DirectoryServer server = fixture.start(config(), served)) {
      try (WireClient client = fixture.connect(server)) {
        assertThat(client.command("carol")).isEqualTo("null");
      }
      FileDirectoryRegistry.open(file)
          .put(AtSign.parse("@carol"), HostPort.parse("127.0.0.9:47009"));
      Await.until(
          () -> lookup(server, "carol").equals("127.0.0.9:47009"), "the new entry to be served");
      FileDirectoryRegistry.open(file).remove(AtSign.parse("@carol"));
      Await.until(() -> lookup(server, "carol").equals("null"), "the removed entry to go");
    }
  }

  @Test
  void splitHorizonForwardsUnknownAtSignsUpstreamAndCachesTheAnswer() {
    InMemoryDirectoryRegistry upstreamRegistry = new InMemoryDirectoryRegistry();
    upstreamRegistry.put(AtSign.parse("@bob"), HostPort.parse("bob.example.com:6464"));
    try (DirectoryServer upstream = fixture.start(upstreamRegistry)) {
      DirectoryConfig forwarding =
          config()
              .withUpstream(
                  new HostPort(DirectoryFixture.HOST, upstream.port()),
                  fixture.pki().caCertFile(),
                  Duration.ofMinutes(10));
      try (DirectoryServer local = fixture.start(forwarding, registry);
          WireClient client = fixture.connect(local)) {
        assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
        assertThat(client.command("@bob")).isEqualTo("bob.example.com:6464");
        upstreamRegistry.remove(AtSign.parse("@bob"));
        assertThat(client.command("BOB")).isEqualTo("bob.example.com:6464");
        assertThat(client.command("nobody")).isEqualTo("null");
      }
    }
  }

  @Test
  void splitHorizonWithAnUnreachableUpstreamAnswersNull() {
    DirectoryConfig forwarding =
        config()
            .withUpstream(
                new HostPort(DirectoryFixture.HOST, 1),
                fixture.pki().caCertFile(),
                Duration.ofMinutes(1));
    try (DirectoryServer local = fixture.start(forwarding, registry);
        WireClient client = fixture.connect(local)) {
      assertThat(client.command("bob")).isEqualTo("null");
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
    }
  }

  private String lookup(DirectoryServer server, String name) {
    try (WireClient client = fixture.connect(server)) {
      return client.command(name);
    }
  }
}
