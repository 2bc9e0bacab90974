package dev.atpj.server.core;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Connection} backed by a Netty channel. */
final class NettyConnection implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(NettyConnection.class);

  private final Channel channel;
  private final Instant openedAt;

  NettyConnection(Channel channel, Instant openedAt) {
    this.channel = channel;
    this.openedAt = openedAt;
  }

  @Override
  public String id() {
    return channel.id().asShortText();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  @Override
  public Instant openedAt() {
    return openedAt;
  }

  @Override
  public List<X509Certificate> peerCertificates() {
    SslHandler ssl = channel.pipeline().get(SslHandler.class);
    if (ssl == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : ssl.engine().getSession().getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return List.copyOf(chain);
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  /**
   * {@inheritDoc} A client that does not read what is pushed is closed once more than {@link
   * OutboundLimits#MAX_PENDING_BYTES} wait for it.
   */
  @Override
  public void push(String text) {
    if (!channel.isActive()) {
      return;
    }
    if (OutboundLimits.pendingBytes(channel) > OutboundLimits.MAX_PENDING_BYTES) {
      LOG.debug("closing {}: it does not read what is pushed to it", this);
      channel.close();
      return;
    }
    channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), text), channel.voidPromise());
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public void close() {
    channel
        .writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public Executor executor() {
    return channel.eventLoop();
  }

  @Override
  public String toString() {
    return id() + " " + channel.remoteAddress();
  }
}
