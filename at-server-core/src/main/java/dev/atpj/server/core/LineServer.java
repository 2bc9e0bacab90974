package dev.atpj.server.core;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TLS server that speaks a line protocol: accepts connections, frames lines, enforces the
 * connection limit and the idle policy, and hands each connection to a {@link LineSession}.
 */
public final class LineServer implements AutoCloseable {
  private final Channel listener;
  private final AcceptGate gate;
  private final ScheduledFuture<?> idleSweep;
  private final LineServerConfig config;

  private LineServer(
      Channel listener, AcceptGate gate, ScheduledFuture<?> idleSweep, LineServerConfig config) {
    this.listener = listener;
    this.gate = gate;
    this.idleSweep = idleSweep;
    this.config = config;
  }

  /**
   * Binds and starts a server.
   *
   * @param loops the shared event loops
   * @param config where and how to listen
   * @param tls the server's TLS context
   * @param sessions creates each connection's session
   * @param clock the clock sessions see
   * @return the running server
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LineServer start(
      EventLoops loops,
      LineServerConfig config,
      ServerTlsContext tls,
      LineSessionFactory sessions,
      Clock clock) {
    AcceptGate gate = new AcceptGate(config.maxConnections());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loops.acceptors(), loops.workers())
            .channel(loops.serverChannelType())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OutboundLimits.WATER_MARK)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    SslHandler ssl = tls.newHandler(channel.alloc());
                    ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
                    channel
                        .pipeline()
                        .addLast("gate", gate)
                        .addLast("tls", ssl)
                        .addLast(
                            "framing", new LineFrameDecoder(config.unauthenticatedMaxLineBytes()))
                        .addLast(
                            "session",
                            new SessionDriver(sessions, gate, config.maxLineBytes(), clock));
                  }
                });
    Channel listener;
    try {
      listener =
          bootstrap
              .bind(new InetSocketAddress(config.bindHost(), config.port()))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("cannot listen on " + config.bindHost() + ":" + config.port(), e));
    }
    long sweepMillis = config.idleSweepInterval().toMillis();
    ScheduledFuture<?> sweep =
        listener
            .eventLoop()
            .scheduleAtFixedRate(
                () -> closeIdle(gate, config), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    return new LineServer(listener, gate, sweep, config);
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /** Connections open now, including ones being rejected. */
  public int activeConnections() {
    return gate.activeConnections();
  }

  /** The most output queued now for one connection whose client has not read it, in bytes. */
  public long maxPendingOutboundBytes() {
    long max = 0;
    for (Channel channel : gate.channels()) {
      max = Math.max(max, OutboundLimits.pendingBytes(channel));
    }
    return max;
  }

  /** Connections whose reading is paused now because their client does not read its replies. */
  public int readPausedConnections() {
    int paused = 0;
    for (Channel channel : gate.channels()) {
      if (!channel.isWritable() && !channel.config().isAutoRead()) {
        paused++;
      }
    }
    return paused;
  }

  /** The configuration the server runs with. */
  public LineServerConfig config() {
    return config;
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    idleSweep.cancel(false);
    listener.close().syncUninterruptibly();
    gate.channels().close().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static void closeIdle(AcceptGate gate, LineServerConfig config) {
    long now = System.nanoTime();
    int active = gate.activeConnections();
    for (Channel channel : gate.channels()) {
      SessionDriver driver = channel.pipeline().get(SessionDriver.class);
      if (driver == null) {
        continue;
      }
      Duration allowed =
          config.idlePolicy().maxIdle(driver.authenticated(), active, gate.maxConnections());
      long unwritableSince = driver.unwritableSinceNanos();
      if (now - driver.lastActivityNanos() > allowed.toNanos()
          || (unwritableSince != 0 && now - unwritableSince > OutboundLimits.MAX_STALL.toNanos())) {
        channel.close();
      }
    }
  }
}
