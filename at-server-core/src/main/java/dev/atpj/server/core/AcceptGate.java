package dev.atpj.server.core;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a server's open connections, keeps them in a group (for idle sweeps and shutdown) and
 * marks the ones over the limit so the session driver can reject them after the TLS handshake with
 * the protocol's message.
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {
  private static final AttributeKey<Boolean> REJECTED = AttributeKey.valueOf("atpj.rejected");

  private final int maxConnections;
  private final AtomicInteger active = new AtomicInteger();
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  AcceptGate(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (active.incrementAndGet() > maxConnections) {
      ctx.channel().attr(REJECTED).set(Boolean.TRUE);
    } else {
      channels.add(ctx.channel());
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    active.decrementAndGet();
    super.channelInactive(ctx);
  }

  boolean isRejected(Channel channel) {
    return Boolean.TRUE.equals(channel.attr(REJECTED).get());
  }

  int activeConnections() {
    return active.get();
  }

  int maxConnections() {
    return maxConnections;
  }

  ChannelGroup channels() {
    return channels;
  }
}
