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
  void anAddressOverItsLimitBacksOff() {
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
          .contains("retry in 1s");
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
      fixture.clock().advance(Duration.ofSeconds(1));
      Wire.cram(client, "@guarded");
    }
  }

  @Test
  void theOwnerOnACleanAddressIsNotLockedOutAndTheAtSignsFailuresAreBounded() {
    AuthLimits limits =
        AuthLimits.DEFAULT.withPerAddress(3, Duration.ofMinutes(10), 100).withGlobal(6, 1);
    AtServer server = fixture.start("@besieged", b -> b.authLimits(limits));
    int checked = 0;
    int refused = 0;
    for (int address = 10; address < 16; address++) { // rotating source addresses
      try (WireClient attacker = connectFrom("127.0.0." + address, server)) {
        for (int i = 0; i < 3; i++) {
          String reply = Wire.cramWith(attacker, "@besieged", "guess" + i);
          assertThat(reply).startsWith("error:AT0401-");
          if (reply.contains("too many failed authentication attempts")) {
            refused++;
          } else {
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("guesses checked: the budget plus one per fresh address").isEqualTo(10);
    assertThat(refused).isEqualTo(8);
    try (WireClient owner = connectFrom("127.0.0.2", server)) {
      Wire.cram(owner, "@besieged");
    }
    try (WireClient again = connectFrom("127.0.0.10", server)) {
      assertThat(Wire.cramWith(again, "@besieged", AtServerFixture.secretOf("@besieged")))
          .contains("too many failed authentication attempts");
    }
  }

  private static WireClient connectFrom(String localHost, AtServer server) {
    WireClient client =
        WireClient.connectFrom(
            localHost,
            AtServerFixture.HOST,
            server.port(),
            fixture.pki().clientContext(),
            WireClient.DEFAULT_TIMEOUT);
    client.readPrompt();
    return client;
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
