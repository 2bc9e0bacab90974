package dev.atpj.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionDriver} on an in-memory channel: the order in which commands run and replies are
 * written. The scripted session's lines are {@code o:<name>} (may overlap) or {@code s:<name>}
 * (alone, in order); each reply is {@code <name>;} and completes when the test says so.
 */
class SessionDriverTest {
  private final ScriptedSession session = new ScriptedSession();
  private EmbeddedChannel channel;

  @BeforeEach
  void open() {
    AcceptGate gate = new AcceptGate(10);
    LineSessionFactory factory =
        new LineSessionFactory() {
          @Override
          public LineSession create(Connection connection) {
            return session;
          }

          @Override
          public String connectionLimitMessage() {
            return "full\n";
          }
        };
    channel = new EmbeddedChannel(new SessionDriver(factory, gate, 64, Clock.systemUTC()));
    channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
    assertThat(written()).isEqualTo("@");
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void repliesAreWrittenInLineOrderWhateverOrderTheyComplete() {
    channel.writeInbound("o:a", "o:b", "o:c");
    assertThat(session.ran).containsExactly("a", "b", "c");
    session.complete("c");
    session.complete("b");
    assertThat(written()).isEmpty();
    session.complete("a");
    assertThat(written()).isEqualTo("a;b;c;");
  }

  @Test
  void aCommandThatRunsAloneWaitsForEveryEarlierReply() {
    channel.writeInbound("o:a", "s:b");
    assertThat(session.ran).containsExactly("a");
    session.complete("a");
    assertThat(session.ran).containsExactly("a", "b");
    session.complete("b");
    assertThat(written()).isEqualTo("a;b;");
  }

  @Test
  void nothingAfterACommandThatRunsAloneRunsBeforeItsReply() {
    channel.writeInbound("s:a", "o:b", "o:c");
    assertThat(session.ran).containsExactly("a");
    session.complete("a");
    assertThat(session.ran).containsExactly("a", "b", "c");
    session.complete("b");
    session.complete("c");
    assertThat(written()).isEqualTo("a;b;c;");
  }

  @Test
  void repliesCompletedOnAnotherThreadAreWrittenOnTheLoop() throws Exception {
    channel.writeInbound("s:a");
    Thread other = new Thread(() -> session.complete("a"));
    other.start();
    other.join();
    channel.runPendingTasks();
    assertThat(written()).isEqualTo("a;");
  }

  @Test
  void aReplyThatClosesStopsEverythingAfterIt() {
    channel.writeInbound("o:a", "o:bye", "o:c");
    session.completeAndClose("bye");
    session.complete("c");
    session.complete("a");
    assertThat(written()).isEqualTo("a;bye;");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aFailedReplyIsAnsweredByTheSessionInItsTurn() {
    channel.writeInbound("o:a", "o:b");
    session.fail("b");
    session.complete("a");
    assertThat(written()).isEqualTo("a;failed;");
  }

  @Test
  void anOverLongLineIsAnsweredInItsTurn() {
    channel.writeInbound("o:a", FramingEvent.LINE_TOO_LONG, "o:b");
    assertThat(session.ran).containsExactly("a");
    session.complete("a");
    assertThat(session.ran).containsExactly("a", "b");
    session.complete("b");
    assertThat(written()).isEqualTo("a;too long 64;b;");
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

  /** A session whose replies complete when the test says so. */
  private static final class ScriptedSession implements LineSession {
    final List<String> ran = new ArrayList<>();
    private final Map<String, CompletableFuture<Response>> replies = new HashMap<>();

    @Override
    public String greeting() {
      return "@";
    }

    @Override
    public LineCommand read(String line) {
      String name = line.substring(2);
      return new LineCommand(line.startsWith("o:"), () -> onLine(name));
    }

    @Override
    public CompletionStage<Response> onLine(String name) {
      ran.add(name);
      return replies.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    @Override
    public Response onLineTooLong(int maxLineBytes) {
      return Response.of("too long " + maxLineBytes + ";");
    }

    @Override
    public Response onInvalidUtf8() {
      return Response.of("not UTF-8;");
    }

    @Override
    public Response onFailure(Throwable failure) {
      return Response.of("failed;");
    }

    void complete(String name) {
      replies.get(name).complete(Response.of(name + ";"));
    }

    void completeAndClose(String name) {
      replies.get(name).complete(Response.thenClose(name + ";"));
    }

    void fail(String name) {
      replies.get(name).completeExceptionally(new IllegalStateException("broken"));
    }
  }
}
