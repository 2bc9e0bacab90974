package dev.atpj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestPkiExtension.class)
class WireClientTest {
  /** Short on purpose: only used where the server is known to stay silent. */
  private static final Duration SILENCE = Duration.ofMillis(300);

  private final TestPki pki;
  private FakeAtServer server;

  WireClientTest(TestPki pki) {
    this.pki = pki;
  }

  @BeforeAll
  void start() throws Exception {
    server = new FakeAtServer(pki.contextFor("127.0.0.1", "localhost"));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void greetingIsTheBarePrompt() {
    try (WireClient client = connect()) {
      assertThat(client.readPrompt()).isEqualTo("@");
      assertThat(client.lastPrompt()).isEqualTo("@");
    }
  }

  @Test
  void commandReturnsPayloadAndRemembersPrompt() {
    try (WireClient client = connect()) {
      client.readPrompt();

      assertThat(client.command("from:@alice")).isEqualTo("data:_1@alice:proof");
      assertThat(client.lastPrompt()).isEqualTo("@");
      assertThat(client.command("cram:ok")).isEqualTo("data:success");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
      assertThat(client.command("noop")).isEqualTo("data:echo:noop");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void polSuccessIsOnlyAPrompt() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.send("pol");

      assertThat(client.readPrompt()).isEqualTo("@bob@");
      assertThat(client.command("lookup:x@alice")).isEqualTo("data:echo:lookup:x@alice");
    }
  }

  @Test
  void promptSplitAcrossTlsRecordsIsJoined() {
    try (WireClient client = connect()) {
      client.readPrompt();

      assertThat(client.command("split")).isEqualTo("data:split");
      assertThat(client.command("next")).isEqualTo("data:echo:next");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void promptSplitRightAfterItsFirstByteIsRepairedOnTheNextRead() {
    try (WireClient client = connect()) {
      client.readPrompt();

      assertThat(client.command("split-early")).isEqualTo("data:split");
      assertThat(client.command("next")).isEqualTo("data:echo:next");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void directoryAnswerWithCrLf() {
    try (WireClient client = connect()) {
      client.readPrompt();

      assertThat(client.command("alice")).isEqualTo("127.0.0.1:6464");
      assertThat(client.lastPrompt()).isEqualTo("@");
    }
  }

  @Test
  void pipelinedRepliesAreReadInOrder() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.sendRaw("from:@alice\nsecond\n".getBytes(StandardCharsets.UTF_8));

      assertThat(client.readReply()).isEqualTo("data:_1@alice:proof");
      assertThat(client.expect("data:echo:")).isEqualTo("data:echo:second");
    }
  }

  @Test
  void readingLikeAtJavaStripsThePromptFromTheLine() {
    try (WireClient client = connect()) {
      client.send("cram:ok");
      assertThat(client.readLine()).isEqualTo("data:success");
      assertThat(client.lastPrompt()).isEqualTo("@");

      client.send("again");
      assertThat(client.readLine()).isEqualTo("data:echo:again");
      assertThat(client.lastPrompt()).isEqualTo("@alice@");
    }
  }

  @Test
  void monitorStreamsNotificationLines() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.send("monitor");

      assertThat(client.readLine()).isEqualTo("notification: {\"id\":\"1\"}");
      assertThat(client.readLine()).isEqualTo("notification: {\"id\":\"2\"}");
    }
  }

  @Test
  void largeReplyIsReadWhole() {
    try (WireClient client = connect()) {
      client.readPrompt();

      assertThat(client.command("big")).hasSize(5 + 100_000);
    }
  }

  @Test
  void errorThenCloseIsSeen() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.send("fatal");

      assertThat(client.readLine()).startsWith("error:AT0005-");
      assertThat(client.isClosedByServer(WireClient.DEFAULT_TIMEOUT)).isTrue();
    }
  }

  @Test
  void exitClosesSilently() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.send("@exit");

      assertThat(client.isClosedByServer(WireClient.DEFAULT_TIMEOUT)).isTrue();
    }
  }

  @Test
  void pendingDataMeansNotClosed() {
    try (WireClient client = connect()) {
      assertThat(client.isClosedByServer(WireClient.DEFAULT_TIMEOUT)).isFalse();
      assertThat(client.readPrompt()).isEqualTo("@");
    }
  }

  @Test
  void silenceTimesOutAndTheConnectionStaysUsable() {
    try (WireClient client =
        WireClient.connect("127.0.0.1", server.port(), pki.clientContext(), SILENCE)) {
      client.readPrompt();

      assertThatThrownBy(() -> client.command("silent"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("timed out");
      assertThat(client.isClosedByServer(SILENCE)).isFalse();
      assertThat(client.command("hello")).isEqualTo("data:echo:hello");
    }
  }

  @Test
  void expectReportsTheActualReply() {
    try (WireClient client = connect()) {
      client.readPrompt();
      client.send("x");

      assertThatThrownBy(() -> client.expect("error:"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("data:echo:x");
    }
  }

  @Test
  void clientCertificateIsPresentedOnlyWhenAsked() {
    try (WireClient anonymous = connect();
        WireClient asBob = pki.connectAs("bob.example.com", "127.0.0.1", server.port())) {
      anonymous.readPrompt();
      asBob.readPrompt();

      assertThat(anonymous.command("cert")).isEqualTo("data:none");
      assertThat(asBob.command("cert")).isEqualTo("data:bob.example.com");
    }
  }

  @Test
  void noSniForIpLiteralsLikeAtJava() {
    server.serverNames().clear();
    try (WireClient byIp = connect()) {
      byIp.readPrompt();
    }

    assertThat(server.serverNames()).containsExactly(List.of());
  }

  @Test
  void connectsByHostName() {
    try (WireClient byName = pki.connect("localhost", server.port())) {
      assertThat(byName.readPrompt()).isEqualTo("@");
      assertThat(byName.session().getProtocol()).startsWith("TLSv1.");
    }
  }

  private WireClient connect() {
    return pki.connect("127.0.0.1", server.port());
  }
}
