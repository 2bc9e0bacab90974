package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framing, prompts and error policy of an atServer connection (docs/protocol.md Part A §1–3,
 * B1–B2).
 */
@ExtendWith(SharedTestPki.class)
class SessionWireTest {
  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice", b -> b.maxLineBytes(4096));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void greetsWithTheBarePromptAndAnswersInfo() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.lastPrompt()).isEqualTo("@");
      assertThat(client.command("info")).startsWith("data:{\"version\":").contains("uptimeAsWords");
      assertThat(client.command("info:brief")).contains("\"uptimeAsMillis\":");
      assertThat(client.lastPrompt()).isEqualTo("@");
    }
  }

  @Test
  void noopWaitsAndAnswersOk() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
      assertThat(client.command("noop:10")).isEqualTo("data:ok");
      assertThat(client.command("noop:5001")).startsWith("error:AT0022-");
    }
  }

  @Test
  void unknownVerbsAreSyntaxErrorsAndTheConnectionStaysOpen() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("lokup:x@alice")).startsWith("error:AT0003-").contains(" : ");
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
    }
  }

  @Test
  void authIsCheckedBeforeSyntax() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("llookup:")).startsWith("error:AT0401-");
      assertThat(client.command("update:x@alice")).startsWith("error:AT0401-");
    }
  }

  @Test
  void verbNamesAreCaseInsensitive() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("INFO:brief")).startsWith("data:{");
      assertThat(client.command("NOOP:0")).isEqualTo("data:ok");
    }
  }

  @Test
  void pipelinedCommandsAreAnsweredInOrder() {
    try (WireClient client = fixture.connect(alice)) {
      client.sendRaw("noop:30\ninfo:brief\nnoop:0\n".getBytes(StandardCharsets.UTF_8));
      assertThat(client.readReply()).isEqualTo("data:ok");
      assertThat(client.readReply()).startsWith("data:{");
      assertThat(client.readReply()).isEqualTo("data:ok");
    }
  }

  @Test
  void overLongLinesGetAt0005AndClose() {
    try (WireClient client = fixture.connect(alice)) {
      client.send("update:public:x@alice " + "v".repeat(5000));
      assertThat(client.readLine()).startsWith("error:AT0005-");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
    }
  }

  @Test
  void invalidUtf8GetsAt0003AndTheConnectionStaysOpen() {
    try (WireClient client = fixture.connect(alice)) {
      client.sendRaw(new byte[] {'i', 'n', (byte) 0xC0, (byte) 0xAF, '\n'});
      assertThat(client.readReply()).startsWith("error:AT0003-");
      assertThat(client.command("noop:0")).isEqualTo("data:ok");
    }
  }

  @Test
  void exitClosesSilently() {
    try (WireClient client = fixture.connect(alice)) {
      client.send("@exit");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void connectionsOverTheLimitGetAt0012(TestPki pki) {
    AtServer small = fixture.start("@limited", b -> b.maxConnections(1));
    try (WireClient first = fixture.connect(small);
        WireClient second = pki.connect(AtServerFixture.HOST, small.port())) {
      assertThat(second.readLine()).startsWith("error:AT0012-");
      assertThat(second.isClosedByServer(Duration.ofSeconds(10))).isTrue();
      assertThat(first.command("noop:0")).isEqualTo("data:ok");
    }
  }
}
