package dev.atpj.server.core;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The event loops of one process, shared by every server and outbound client in it: one group that
 * accepts connections and one that does all I/O. Epoll is used when the native transport loads, NIO
 * otherwise. A thousand atServers in one JVM cost a thousand listening sockets, not a thousand
 * thread pools.
 */
public final class EventLoops implements AutoCloseable {
  private final EventLoopGroup acceptors;
  private final EventLoopGroup workers;
  private final boolean epoll;

  private EventLoops(int workerThreads, boolean useEpoll) {
    this.epoll = useEpoll;
    IoHandlerFactory factory = useEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.acceptors = new MultiThreadIoEventLoopGroup(1, factory);
    this.workers = new MultiThreadIoEventLoopGroup(workerThreads, factory);
  }

  /**
   * Creates event loops with one worker thread per available processor.
   *
   * @return new event loops; close them when every server using them has stopped
   */
  public static EventLoops create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Creates event loops.
   *
   * @param workerThreads how many I/O threads, at least 1
   * @return new event loops
   */
  public static EventLoops create(int workerThreads) {
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1");
    }
    return new EventLoops(workerThreads, Epoll.isAvailable());
  }

  /** The group that accepts connections. */
  public EventLoopGroup acceptors() {
    return acceptors;
  }

  /** The group that does all I/O and runs sessions. */
  public EventLoopGroup workers() {
    return workers;
  }

  /** Whether the native epoll transport is in use. */
  public boolean nativeTransport() {
    return epoll;
  }

  /** The server channel class matching the transport. */
  public Class<? extends ServerSocketChannel> serverChannelType() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** The client channel class matching the transport. */
  public Class<? extends SocketChannel> clientChannelType() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  @Override
  public void close() {
    acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
