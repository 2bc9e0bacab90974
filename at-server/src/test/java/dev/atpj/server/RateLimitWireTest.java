package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.server.auth.AuthLimits;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits on failed authentication (docs/protocol.md Part A §8), per connection and address.
 */
@ExtendWith(SharedTestPki.class)
class RateLimitWireTest {
  @TempDir static Path data;
  private static AtServerFixture fixture;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void delayedAttemptsStillSucceedAndTheConnectionClosesAtItsLimit() {
    AuthLimits limits =
        AuthLimits.DEFAULT.withPerConnection(1, Duration.ofMillis(5), Duration.ofMillis(20), 4);
    AtServer server = fixture.start("@slow", b -> b.authLimits(limits));
    try (WireClient client = fixture.connect(server)) {
      assertThat(Wire.cramWith(client, "@slow", "wrong")).startsWith("error:AT0401-");
      assertThat(Wire.cramWith(client, "@slow", "wrong")).startsWith("error:AT0401-");
      // a delayed attempt is still checked, and success resets the count
      Wire.cram(client, "@slow");
      for (int i = 0; i < 3; i++) {
        assertThat(Wire.cramWith(client, "@slow", "wrong")).startsWith("error:AT0401-");
      }
      Wire.challenge(client, "@slow");
      client.send("cram:0000");
      assertThat(client.readLine()).startsWith("error:AT0401-");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void anAddressOverItsLimitIsRefusedUntilTheWindowMoves() {
    AuthLimits limits = AuthLimits.DEFAULT.withPerAddress(3, Duration.ofMinutes(10), 100);
    AtServer server = fixture.start("@guarded", b -> b.authLimits(limits));
    try (WireClient attacker = fixture.connect(server)) {
      for (int i = 0; i < 3; i++) {
        assertThat(Wire.cramWith(attacker, "@guarded", "guess" + i)).startsWith("error:AT0401-");
      }
    }
    try (WireClient client = fixture.connect(server)) {
      String refused = Wire.cramWith(client, "@guarded", AtServerFixture.secretOf("@guarded"));
      assertThat(refused)
          .startsWith("error:AT0401-")
          .contains("too many failed authentication attempts")
          .contains("retry in 600s");
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
      fixture.clock().advance(Duration.ofMinutes(10));
      Wire.cram(client, "@guarded");
    }
  }

  @Test
  void pkamFailuresCountToo() {
    AuthLimits limits = AuthLimits.DEFAULT.withPerAddress(2, Duration.ofMinutes(1), 100);
    AtServer server = fixture.start("@pkamguard", b -> b.authLimits(limits));
    try (WireClient client = fixture.connect(server)) {
      for (int i = 0; i < 2; i++) {
        Wire.challenge(client, "@pkamguard");
        assertThat(client.command("pkam:c2lnbmF0dXJl")).contains("pkam authentication failed");
      }
      assertThat(Wire.cramWith(client, "@pkamguard", AtServerFixture.secretOf("@pkamguard")))
          .contains("too many failed authentication attempts");
    }
  }
}
