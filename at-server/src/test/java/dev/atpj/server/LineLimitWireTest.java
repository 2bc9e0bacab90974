package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.server.core.LineServerConfig;
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
 * Before authentication a connection's lines are limited to {@link
 * LineServerConfig#UNAUTHENTICATED_MAX_LINE_BYTES} (AT0005 and close beyond), which still fits
 * every command allowed then; after authentication the configured limit applies.
 */
@ExtendWith(SharedTestPki.class)
class LineLimitWireTest {
  private static final int SMALL = LineServerConfig.UNAUTHENTICATED_MAX_LINE_BYTES;
  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer server;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    server = fixture.start("@victim");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anUnauthenticatedLineOverTheSmallLimitIsRefusedAndClosed() {
    try (WireClient client = fixture.connect(server)) {
      client.send("lookup:" + "k".repeat(SMALL) + "@victim");
      assertThat(client.readLine()).startsWith("error:AT0005");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void theLongestCommandsAllowedBeforeAuthenticationFit() {
    try (WireClient client = fixture.connect(server)) {
      assertThat(client.command("scan " + "(x|y)".repeat(1024 / 5))).startsWith("data:");
      String pkamWithOptions =
          "pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:"
              + "0b6bd0f5-3f0e-4d57-9e21-6a3f0f1c2d3e:"
              + "A".repeat(684); // a 4096-bit signature in base64
      client.command("from:@victim");
      assertThat(client.command(pkamWithOptions)).doesNotStartWith("error:AT0005");
    }
  }

  @Test
  void afterAuthenticationTheConfiguredLimitApplies() {
    String value = "v".repeat(10 * SMALL);
    try (WireClient owner = Wire.owner(fixture, server)) {
      assertThat(owner.command("update:public:big@victim " + value)).startsWith("data:");
      assertThat(owner.command("llookup:public:big@victim")).isEqualTo("data:" + value);
    }
  }
}
