package dev.atpj.server.core;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;

/**
 * How much output a connection may have queued for a client that does not read it. Above {@link
 * #HIGH_WATER_BYTES} the connection is not writable: its session stops handling commands and the
 * server stops reading from it, until the client has read below {@link #LOW_WATER_BYTES}. Pushed
 * lines (monitor notifications), which do not wait for the client, close the connection when more
 * than {@link #MAX_PENDING_BYTES} are queued; a connection that stays not writable for {@link
 * #MAX_STALL} is closed by the idle sweep.
 */
public final class OutboundLimits {
  /** Queued output above which a connection stops being writable. */
  public static final int HIGH_WATER_BYTES = 256 * 1024;

  /** Queued output below which a connection is writable again. */
  public static final int LOW_WATER_BYTES = 64 * 1024;

  /** Queued output beyond which a pushed line closes the connection. */
  public static final long MAX_PENDING_BYTES = 4L * 1024 * 1024;

  /** How long a connection may stay not writable before it is closed. */
  public static final Duration MAX_STALL = Duration.ofSeconds(60);

  /** The water marks every accepted connection uses. */
  static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(LOW_WATER_BYTES, HIGH_WATER_BYTES);

  private OutboundLimits() {}

  /** Bytes written to the channel and not yet sent to the client; 0 once it has closed. */
  static long pendingBytes(Channel channel) {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }
}
