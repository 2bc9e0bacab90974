package dev.atpj.server;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.protocol.reply.ReplyRenderer;
import dev.atpj.server.auth.AddressFailureLimiter;
import dev.atpj.server.auth.AuthLimits;
import dev.atpj.server.connection.AtSession;
import dev.atpj.server.connection.SessionObserver;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.LineServer;
import dev.atpj.server.core.LineServerConfig;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.LineSessionFactory;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.data.ExpirySweeper;
import dev.atpj.server.data.KeyPolicy;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.enroll.Apkam;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.ops.OpsJobs;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.stats.AccessLog;
import dev.atpj.server.stats.StatsSources;
import dev.atpj.server.verb.VerbRegistry;
import dev.atpj.store.AtStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * A running atServer for one atSign. {@link #start} builds its services once, in the order they
 * depend on each other, and hands each verb handler the ones it uses; nothing looks services up
 * later.
 */
public final class AtServer implements AutoCloseable {
  private final AtServerConfig config;
  private final AtStore store;
  private final AtCrypto crypto;
  private final KeyWriter keyWriter;
  private final ServerMetrics metrics;
  private final AccessLog accessLog;
  private final OpsExecutor opsExecutor;
  private final Peers peers;
  private final NotificationService notifications;
  private final ExpirySweeper sweeper;
  private final LineServer listener;
  private final ServerTlsContext tls;
  private final OpsJobs opsJobs;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AtServer(Started started, LineServer listener, OpsJobs opsJobs) {
    this.config = started.config;
    this.store = started.store;
    this.crypto = started.crypto;
    this.keyWriter = started.keyWriter;
    this.metrics = started.metrics;
    this.accessLog = started.accessLog;
    this.opsExecutor = started.opsExecutor;
    this.peers = started.peers;
    this.notifications = started.notifications;
    this.sweeper = started.sweeper;
    this.tls = started.tls;
    this.listener = listener;
    this.opsJobs = opsJobs;
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
    Started started;
    try {
      started = new Started(environment, config, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      LineServer listener =
          LineServer.start(
              environment.loops(),
              listenConfig(config),
              started.tls,
              started.sessions(),
              environment.clock());
      started.sweeper.start();
      OpsJobs opsJobs =
          OpsJobs.start(
              config.atSign(),
              config.ops(),
              store,
              environment.clock(),
              started.metrics,
              started.accessLog,
              started.opsExecutor,
              environment.loops().workers().next(),
              started.tls);
      return new AtServer(started, listener, opsJobs);
    } catch (RuntimeException e) {
      try {
        started.close();
      } finally {
        store.close();
      }
      throw e;
    }
  }

  /**
   * The services of a starting server, built in the order they depend on each other: storage
   * helpers, metrics and logs, server-to-server services, notifications, the verb handlers.
   */
  private static final class Started {
    private final AtServerConfig config;
    private final AtStore store;
    private final Clock clock;
    private final AtCrypto crypto;
    private final KeyWriter keyWriter;
    private final ServerMetrics metrics;
    private final AccessLog accessLog;
    private final OpsExecutor opsExecutor;
    private final ServerTlsContext tls;
    private final Peers peers;
    private final NotificationService notifications;
    private final ExpirySweeper sweeper;
    private final CommandParser parser = new CommandParser();
    private final ReplyRenderer renderer = new ReplyRenderer();
    private final VerbRegistry registry;

    Started(AtServerEnvironment environment, AtServerConfig config, AtStore store) {
      this.config = config;
      this.store = store;
      this.clock = environment.clock();
      this.crypto = environment.crypto();
      AtSign me = config.atSign();
      Instant startedAt = clock.instant();
      KeyPolicy keyPolicy = new KeyPolicy(me);
      this.keyWriter = new KeyWriter(store, clock, me);
      AuthLimits limits = config.authLimits();
      AddressFailureLimiter authFailures =
          new AddressFailureLimiter(
              limits.maxFailuresPerAddress(),
              limits.addressWindow(),
              limits.maxTrackedAddresses(),
              limits.globalFailureBurst(),
              limits.globalFailuresPerMinute());
      this.metrics = new ServerMetrics(me, store::approximateSizeBytes, store::lastCommitId);
      this.accessLog = new AccessLog(store.accessLog(), clock, config.ops().accessLogEnabled());
      this.opsExecutor = new OpsExecutor(me.name());
      ServerBootstrap.prepare(config, store, clock, crypto);
      this.tls = ServerTlsContext.load(config.tls(), true);
      this.peers =
          Peers.start(
              me,
              config.peers(),
              config.tls(),
              store,
              keyWriter,
              clock,
              crypto,
              environment.loops(),
              environment.directories());
      this.notifications =
          NotificationService.start(
              me,
              config.notifications(),
              store,
              keyWriter,
              clock,
              metrics,
              peers,
              renderer,
              environment.loops().workers().next(),
              opsExecutor);
      metrics.outboundPool(peers::activeOutboundConnections, peers::idleOutboundConnections);
      this.sweeper =
          new ExpirySweeper(
              store,
              clock,
              environment.loops().workers().next(),
              config.expirySweepInterval(),
              config.expirySweepBatchSize());
      StatsSources stats =
          new StatsSources(
              store,
              metrics,
              accessLog,
              config.storageDir(),
              config.ops().statsTopN(),
              clock,
              ServerVersion.get());
      NotificationService notifications = this.notifications;
      Apkam apkam =
          Apkam.of(
              store,
              clock,
              me,
              (key, value, executor) ->
                  notifications.notifySelf(key, value, Apkam.NOTIFICATION_LIFETIME, executor));
      this.registry =
          new VerbRegistry(
              ServerVerbs.all(
                  apkam,
                  config,
                  store,
                  clock,
                  startedAt,
                  crypto,
                  keyPolicy,
                  keyWriter,
                  authFailures,
                  peers,
                  notifications,
                  stats,
                  opsExecutor));
    }

    /** A session for each accepted connection. */
    LineSessionFactory sessions() {
      String limitMessage =
          renderer.error(
                  new AtException(
                      AtErrorCode.INBOUND_CONNECTION_LIMIT, "Inbound connection limit exceeded"),
                  ErrorFormat.LEGACY_TEXT)
              + "\n";
      AtSign me = config.atSign();
      return new LineSessionFactory() {
        @Override
        public LineSession create(Connection connection) {
          return new AtSession(
              parser,
              renderer,
              registry,
              new SessionObserver(me, clock, metrics, accessLog, connection),
              connection);
        }

        @Override
        public String connectionLimitMessage() {
          return limitMessage;
        }
      };
    }

    /** Closes what was started, the reverse of the start order; the storage stays open. */
    void close() {
      sweeper.close();
      notifications.close();
      peers.close();
      opsExecutor.close();
      metrics.close();
    }
  }

  /** The atSign served. */
  public AtSign atSign() {
    return config.atSign();
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

  /** The most output queued now for one client that has not read it, in bytes. */
  public long maxPendingOutboundBytes() {
    return listener.maxPendingOutboundBytes();
  }

  /** Connections whose reading is paused now because their client does not read its replies. */
  public int readPausedConnections() {
    return listener.readPausedConnections();
  }

  /** Re-reads the certificate files; new connections get the new certificate. */
  public void reloadCertificate() {
    tls.reload();
  }

  /** This server's metrics: publish them, or feed them from other features. */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** This atSign's storage. */
  AtStore store() {
    return store;
  }

  /** The platform's crypto conventions. */
  AtCrypto crypto() {
    return crypto;
  }

  /** Ordered, durable writes of the owner's keys. */
  KeyWriter keyWriter() {
    return keyWriter;
  }

  /** The access log. */
  AccessLog accessLog() {
    return accessLog;
  }

  /** Server-to-server services. */
  Peers peers() {
    return peers;
  }

  /** Notifications. */
  NotificationService notifications() {
    return notifications;
  }

  /** Where storage work too long for an event loop runs. */
  OpsExecutor opsExecutor() {
    return opsExecutor;
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
      notifications.close();
      peers.close();
      closeQuietly(opsJobs);
      opsExecutor.close();
      metrics.close();
    } finally {
      store.close();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(AtServer.class).warn("event=close.failed what={}", closeable, e);
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
}
