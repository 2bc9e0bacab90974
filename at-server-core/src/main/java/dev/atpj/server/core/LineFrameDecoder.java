package dev.atpj.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The project's one line-ending policy (docs/protocol.md Part A §1): a line ends at {@code \n}, and
 * a {@code \r} right before it is dropped; a lone {@code \r} elsewhere stays part of the line.
 * Every line becomes one {@link String} (pipelined lines in one packet stay separate). A line
 * longer than {@code maxLineBytes} (without its ending) becomes {@link FramingEvent#LINE_TOO_LONG}
 * once, and the rest of it up to the next {@code \n} is discarded without buffering; a line that is
 * not valid UTF-8 becomes {@link FramingEvent#INVALID_UTF8}.
 */
public final class LineFrameDecoder extends ByteToMessageDecoder {
  private int maxLineBytes;
  private int scanned;
  private boolean discarding;

  /**
   * Creates a decoder.
   *
   * @param maxLineBytes the longest line accepted, in bytes without the line ending
   */
  public LineFrameDecoder(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** The longest line accepted now, in bytes without the line ending. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /**
   * Changes the longest line accepted from the next line on (e.g. raised once a connection has
   * authenticated); call on the channel's event loop.
   *
   * @param maxLineBytes the new limit, positive
   */
  public void maxLineBytes(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int start = in.readerIndex();
      int newline = in.indexOf(start + scanned, in.writerIndex(), (byte) '\n');
      if (newline < 0) {
        scanned = in.readableBytes();
        if (discarding) {
          in.skipBytes(in.readableBytes());
          scanned = 0;
        } else if (scanned > maxLineBytes + 1) {
          // +1 leaves room for a '\r' that may still be followed by '\n'.
          discarding = true;
          in.skipBytes(in.readableBytes());
          scanned = 0;
          out.add(FramingEvent.LINE_TOO_LONG);
        }
        return;
      }
      scanned = 0;
      int length = newline - start;
      if (length > 0 && in.getByte(newline - 1) == '\r') {
        length--;
      }
      if (discarding) {
        discarding = false;
      } else if (length > maxLineBytes) {
        out.add(FramingEvent.LINE_TOO_LONG);
      } else {
        out.add(decodeLine(in, start, length));
      }
      in.readerIndex(newline + 1);
    }
  }

  private static Object decodeLine(ByteBuf in, int start, int length) {
    if (!ByteBufUtil.isText(in, start, length, StandardCharsets.UTF_8)) {
      return FramingEvent.INVALID_UTF8;
    }
    return in.toString(start, length, StandardCharsets.UTF_8);
  }
}
