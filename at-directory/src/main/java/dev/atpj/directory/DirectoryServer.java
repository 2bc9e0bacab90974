package dev.atpj.directory;

import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.IdlePolicy;
import dev.atpj.server.core.LineServer;
import dev.atpj.server.core.LineServerConfig;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.LineSessionFactory;
import dev.atpj.server.core.ServerTlsContext;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A running atDirectory. */
public final class DirectoryServer implements AutoCloseable {
  private final LineServer server;
  private final ScheduledFuture<?> refresh;
  private final DirectoryClient upstream;

  private DirectoryServer(LineServer server, ScheduledFuture<?> refresh, DirectoryClient upstream) {
    this.server = server;
    this.refresh = refresh;
    this.upstream = upstream;
  }

  /**
   * Starts a directory.
   *
   * @param loops the shared event loops
   * @param config how to listen and behave
   * @param tls the directory's TLS context
   * @param registry where atSigns are looked up; a {@link FileDirectoryRegistry} is re-read when
   *     its file changes
   * @return the running directory
   */
  public static DirectoryServer start(
      EventLoops loops, DirectoryConfig config, ServerTlsContext tls, DirectoryRegistry registry) {
    DirectoryClient upstream =
        config.upstream() == null
            ? null
            : new DirectoryClient(
                loops,
                ClientTlsContext.create(config.upstreamCa(), null),
                DirectoryClientConfig.defaults(config.upstream())
                    .withCacheTimes(config.upstreamCacheTime(), config.upstreamCacheTime())
                    .withTimeout(config.upstreamTimeout()),
                System::nanoTime);
    LineSessionFactory sessions =
        new LineSessionFactory() {
          @Override
          public LineSession create(Connection connection) {
            return new DirectorySession(connection, registry, upstream, config.missThrottle());
          }

          @Override
          public String connectionLimitMessage() {
            return null;
          }
        };
    LineServerConfig listen =
        new LineServerConfig(
            config.bindHost(),
            config.port(),
            config.maxLineBytes(),
            config.maxConnections(),
            IdlePolicy.fixed(config.idleTimeout()),
            LineServerConfig.DEFAULT_IDLE_SWEEP_INTERVAL,
            LineServerConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    LineServer server = LineServer.start(loops, listen, tls, sessions, Clock.systemUTC());
    ScheduledFuture<?> refresh = null;
    if (registry instanceof FileDirectoryRegistry file) {
      long every = config.registryRefresh().toMillis();
      refresh =
          loops
              .workers()
              .next()
              .scheduleWithFixedDelay(file::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }
    return new DirectoryServer(server, refresh, upstream);
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Connections open now. */
  public int activeConnections() {
    return server.activeConnections();
  }

  @Override
  public void close() {
    if (refresh != null) {
      refresh.cancel(false);
    }
    server.close();
    if (upstream != null) {
      upstream.close();
    }
  }
}
