package dev.atpj.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The line framing under generated input (jqwik, {@value #TRIES} tries per property in the default
 * build, about a second; raise {@code TRIES} for a longer run): whatever the bytes and wherever the
 * packets split them, every line ending yields exactly one value, valid lines come out exactly,
 * over-long lines become {@link FramingEvent#LINE_TOO_LONG} once, and the decoder never throws nor
 * keeps what it has framed.
 */
class LineFramingPropertyTest {
  private static final int MAX = 64;
  private static final int TRIES = 300;

  @Provide
  Arbitrary<List<byte[]>> anyLines() {
    Arbitrary<byte[]> noise =
        Arbitraries.bytes().filter(b -> b != '\n').array(byte[].class).ofMaxSize(3 * MAX);
    return noise.list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<String>> textLines() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(2 * MAX).filter(s -> s.indexOf('\n') < 0),
            Arbitraries.strings().withChars("ab:@\r ").ofMaxLength(2 * MAX));
    return text.list().ofMaxSize(20);
  }

  @Property(tries = TRIES)
  void everyLineEndingYieldsExactlyOneValue(
      @ForAll("anyLines") List<byte[]> lines,
      @ForAll boolean crlf,
      @ForAll @IntRange(min = 1, max = 50) int packet) {
    List<Object> out = feed(join(lines, crlf), packet);
    assertThat(out).hasSize(lines.size());
  }

  @Property(tries = TRIES)
  void validLinesComeOutExactlyAndLongOnesOnceAsTooLong(
      @ForAll("textLines") List<String> lines,
      @ForAll boolean crlf,
      @ForAll @IntRange(min = 1, max = 50) int packet) {
    List<byte[]> raw = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      raw.add(bytes);
      expected.add(expectedFor(bytes, crlf));
    }
    assertThat(feed(join(raw, crlf), packet)).isEqualTo(expected);
  }

  /** What one line becomes: its text without the line ending and a {@code \r} right before it. */
  private static Object expectedFor(byte[] content, boolean crlf) {
    int length = content.length;
    if (!crlf && length > 0 && content[length - 1] == '\r') {
      length--;
    }
    if (length > MAX) {
      return FramingEvent.LINE_TOO_LONG;
    }
    return new String(Arrays.copyOf(content, length), StandardCharsets.UTF_8);
  }

  private static byte[] join(List<byte[]> lines, boolean crlf) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      all.writeBytes(line);
      all.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    return all.toByteArray();
  }

  /** Feeds the bytes in packets of the given size and returns everything framed. */
  private static List<Object> feed(byte[] bytes, int packet) {
    EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(MAX));
    for (int at = 0; at < bytes.length; at += packet) {
      int end = Math.min(bytes.length, at + packet);
      channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, at, end)));
    }
    List<Object> out = new ArrayList<>();
    for (Object next; (next = channel.readInbound()) != null; ) {
      out.add(next);
    }
    channel.finishAndReleaseAll();
    return out;
  }
}
