package dev.atpj.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFrameDecoderTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(16));

  private void feed(String text) {
    feed(text.getBytes(StandardCharsets.UTF_8));
  }

  private void feed(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
  }

  private List<Object> drained() {
    List<Object> out = new ArrayList<>();
    Object next;
    while ((next = channel.readInbound()) != null) {
      out.add(next);
    }
    return out;
  }

  @Test
  void lfAndCrlfEndLinesAndCrIsDropped() {
    feed("scan\nnoop:0\r\ninfo\n");
    assertThat(drained()).containsExactly("scan", "noop:0", "info");
  }

  @Test
  void loneCrStaysInsideTheLine() {
    feed("a\rb\n");
    assertThat(drained()).containsExactly("a\rb");
  }

  @Test
  void pipelinedLinesInOnePacketStaySeparate() {
    feed("lookup:a@x\nlookup:b@x\nlookup:c@x\n");
    assertThat(drained()).containsExactly("lookup:a@x", "lookup:b@x", "lookup:c@x");
  }

  @Test
  void linesSplitAtAwkwardPointsAreJoined() {
    feed("upd");
    feed("ate:x@a v\r");
    assertThat(drained()).isEmpty();
    feed("\nnext\n");
    assertThat(drained()).containsExactly("update:x@a v", "next");
  }

  @Test
  void emptyLinesAreLines() {
    feed("\n\r\n");
    assertThat(drained()).containsExactly("", "");
  }

  @Test
  void lineOfExactlyTheLimitPasses() {
    feed("0123456789abcdef\r\n");
    assertThat(drained()).containsExactly("0123456789abcdef");
  }

  @Test
  void overLongLineIsReportedOnceAndDiscardedUpToItsEnd() {
    feed("0123456789abcdefX");
    feed("more and more and more bytes without end");
    assertThat(drained()).containsExactly(FramingEvent.LINE_TOO_LONG);
    feed("still the same line\nafter\n");
    assertThat(drained()).containsExactly("after");
  }

  @Test
  void overLongCompleteLineIsReported() {
    feed("0123456789abcdefXYZ\nok\n");
    assertThat(drained()).containsExactly(FramingEvent.LINE_TOO_LONG, "ok");
  }

  @Test
  void invalidUtf8IsReportedAndTheNextLineStillWorks() {
    feed(new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n', 'o', 'k', '\n'});
    assertThat(drained()).containsExactly(FramingEvent.INVALID_UTF8, "ok");
  }

  @Test
  void multiByteCharactersSurviveSplitsInsideThem() {
    byte[] emoji = "@🦄x\n".getBytes(StandardCharsets.UTF_8);
    feed(new byte[] {emoji[0], emoji[1]});
    feed(java.util.Arrays.copyOfRange(emoji, 2, emoji.length));
    assertThat(drained()).containsExactly("@🦄x");
  }

  @Test
  void nothingIsLeftOverAtTeardown() {
    feed("a\nb\n");
    drained();
    assertThat(channel.finish()).isFalse();
  }
}
