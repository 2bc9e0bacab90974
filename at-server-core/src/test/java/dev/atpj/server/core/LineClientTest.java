package dev.atpj.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.reply.ReplyParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LineClient} on an in-memory channel: what it writes and how it matches answers. */
class LineClientTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final LineClient client =
      LineClient.over(
          channel, line -> line.startsWith("notification:") ? null : ReplyParser.stripPrompt(line));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void writesTheLineAndCompletesWithTheAnswerWithoutItsPrompt() {
    CompletableFuture<String> answer = client.request("lookup:phone@alice", LONG);
    channel.runPendingTasks();
    assertThat(written()).isEqualTo("lookup:phone@alice\n");
    receive("@alice@data:123\n");
    assertThat(answer).isCompletedWithValue("data:123");
  }

  @Test
  void pipelinedAnswersGoToTheirRequestsInOrder() {
    CompletableFuture<String> first = client.request("a", LONG);
    CompletableFuture<String> second = client.request("b", LONG);
    channel.runPendingTasks();
    assertThat(written()).isEqualTo("a\nb\n");
    receive("data:1\n@data:"); // the second answer arrives split across reads
    assertThat(first).isCompletedWithValue("data:1");
    assertThat(second).isNotDone();
    receive("2\n@");
    assertThat(second).isCompletedWithValue("data:2");
  }

  @Test
  void aBarePromptAnswersARequestThatExpectsOne() {
    CompletableFuture<String> pol = client.requestPrompt("pol", "@bob@", LONG);
    channel.runPendingTasks();
    receive("@bob@");
    assertThat(pol).isCompletedWithValue("@bob@");
  }

  @Test
  void unsolicitedLinesGoToTheListenerNotToARequest() {
    List<String> unsolicited = new ArrayList<>();
    client.onUnsolicited(unsolicited::add);
    CompletableFuture<String> answer = client.request("noop:0", LONG);
    channel.runPendingTasks();
    receive("notification: {\"id\":\"1\"}\n");
    assertThat(answer).isNotDone();
    receive("data:ok\n@");
    assertThat(unsolicited).containsExactly("notification: {\"id\":\"1\"}");
    assertThat(answer).isCompletedWithValue("data:ok");
  }

  @Test
  void aClosedConnectionFailsWhatWaits() {
    CompletableFuture<String> answer = client.request("scan", LONG);
    channel.runPendingTasks();
    channel.close();
    assertThat(answer)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.UNABLE_TO_CONNECT));
    CompletableFuture<String> late = client.request("scan", LONG);
    channel.runPendingTasks();
    assertThat(late).isCompletedExceptionally();
  }

  private void receive(String text) {
    channel.writeInbound(
        channel.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
  }

  private String written() {
    StringBuilder out = new StringBuilder();
    ByteBuf bytes;
    while ((bytes = channel.readOutbound()) != null) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.release();
    }
    return out.toString();
  }
}
