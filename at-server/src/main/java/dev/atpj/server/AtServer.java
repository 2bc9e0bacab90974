package dev.atpj.server;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.LineServer;
import dev.atpj.server.core.LineServerConfig;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.LineSessionFactory;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.data.ExpirySweeper;
import dev.atpj.server.enroll.Apkam;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.ops.OpsJobs;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.session.AtSession;
import dev.atpj.server.verb.ServerVerbs;
import dev.atpj.server.verb.VerbRegistry;
import dev.atpj.store.AtStore;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running atServer for one atSign. */
public final class AtServer implements AutoCloseable {
  private final ServerContext context;
  private final LineServer listener;
  private final ServerTlsContext tls;
  private final ExpirySweeper sweeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AtServer(
      ServerContext context, LineServer listener, ServerTlsContext tls, ExpirySweeper sweeper) {
    this.context = context;
    this.listener = listener;
    this.tls = tls;
    this.sweeper = sweeper;
  }

  /**
   * Opens the atSign's storage, seeds the CRAM secret, generates the signing key pair at first
   * start, starts server-to-server services, notifications (delivering what is still queued), the
   * expired-key sweeper, and starts listening.
   *
   * @param environment what the process's atServers share
   * @param config this server's settings
   * @return the running server
   */
  public static AtServer start(AtServerEnvironment environment, AtServerConfig config) {
    AtStore store =
        environment.stores().open(config.storageDir(), config.storeConfig(), environment.clock());
    try {
      ServerContext context =
          new ServerContext(config, store, environment.clock(), environment.crypto());
      Apkam apkam =
          Apkam.of(
              store,
              environment.clock(),
              config.atSign(),
              (key, value, executor) ->
                  context
                      .notifications()
                      .notifySelf(key, value, Apkam.NOTIFICATION_LIFETIME, executor));
      context.registry(new VerbRegistry(ServerVerbs.all(apkam)));
      ServerBootstrap.prepare(context);
      ServerTlsContext tls = ServerTlsContext.load(config.tls(), true);
      context.peers(Peers.start(context, environment.loops(), environment.directories()));
      context.notifications(
          NotificationService.start(context, environment.loops().workers().next()));
      context
          .metrics()
          .outboundPool(
              context.peers()::activeOutboundConnections, context.peers()::idleOutboundConnections);
      ExpirySweeper sweeper =
          new ExpirySweeper(
              store,
              environment.clock(),
              environment.loops().workers().next(),
              config.expirySweepInterval(),
              config.expirySweepBatchSize());
      LineServer listener;
      try {
        listener =
            LineServer.start(
                environment.loops(),
                listenConfig(config),
                tls,
                sessions(context),
                environment.clock());
      } catch (RuntimeException e) {
        sweeper.close();
        context.notifications().close();
        context.peers().close();
        context.closeServices();
        throw e;
      }
      sweeper.start();
      OpsJobs.start(context, environment.loops().workers().next(), tls);
      return new AtServer(context, listener, tls, sweeper);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The atSign served. */
  public AtSign atSign() {
    return context.atSign();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return listener.address();
  }

  /** The bound port. */
  public int port() {
    return listener.port();
  }

  /** Connections open now. */
  public int activeConnections() {
    return listener.activeConnections();
  }

  /** Re-reads the certificate files; new connections get the new certificate. */
  public void reloadCertificate() {
    tls.reload();
  }

  /** This server's metrics: publish them, or feed them from other features. */
  public ServerMetrics metrics() {
    return context.metrics();
  }

  /** The server's shared services (tests and later features attach here). */
  ServerContext context() {
    return context;
  }

  /** The expired-key sweeper. */
  ExpirySweeper sweeper() {
    return sweeper;
  }

  /**
   * Stops the sweeper and listening, closes every connection, then closes the storage. Closing
   * again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      sweeper.close();
      listener.close();
      context.notifications().close();
      context.peers().close();
      context.closeServices();
    } finally {
      context.store().close();
    }
  }

  private static LineServerConfig listenConfig(AtServerConfig config) {
    return new LineServerConfig(
        config.bindHost(),
        config.port(),
        config.maxLineBytes(),
        config.maxConnections(),
        config.idlePolicy(),
        LineServerConfig.DEFAULT_IDLE_SWEEP_INTERVAL,
        LineServerConfig.DEFAULT_HANDSHAKE_TIMEOUT);
  }

  private static LineSessionFactory sessions(ServerContext context) {
    String limitMessage =
        context
                .renderer()
                .error(
                    new AtException(
                        AtErrorCode.INBOUND_CONNECTION_LIMIT, "Inbound connection limit exceeded"),
                    dev.atpj.protocol.reply.ErrorFormat.LEGACY_TEXT)
            + "\n";
    return new LineSessionFactory() {
      @Override
      public LineSession create(Connection connection) {
        return new AtSession(context, connection);
      }

      @Override
      public String connectionLimitMessage() {
        return limitMessage;
      }
    };
  }
}
