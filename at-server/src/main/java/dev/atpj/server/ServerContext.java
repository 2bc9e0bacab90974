package dev.atpj.server;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.reply.ReplyRenderer;
import dev.atpj.server.auth.AddressFailureLimiter;
import dev.atpj.server.data.KeyPolicy;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.ops.OpsExecutor;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.stats.AccessLog;
import dev.atpj.server.verb.VerbRegistry;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services and settings one atServer's sessions and handlers share. Thread-safe: handlers of
 * many connections use it at once.
 */
public final class ServerContext {
  private final AtServerConfig config;
  private final AtStore store;
  private final Clock clock;
  private final Instant startedAt;
  private final AtCrypto crypto;
  private final CommandParser parser = new CommandParser();
  private final ReplyRenderer renderer = new ReplyRenderer();
  private final KeyPolicy keyPolicy;
  private final KeyWriter keyWriter;
  private final AddressFailureLimiter authFailures;
  private volatile VerbRegistry registry;
  private volatile Peers peers;
  private volatile NotificationService notifications;
  private final ServerMetrics metrics;
  private final AccessLog accessLog;
  private final OpsExecutor opsExecutor;
  private final List<AutoCloseable> closeWithServer = new CopyOnWriteArrayList<>();

  ServerContext(AtServerConfig config, AtStore store, Clock clock, AtCrypto crypto) {
    this.config = config;
    this.crypto = crypto;
    this.store = store;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.keyPolicy = new KeyPolicy(config.atSign());
    this.keyWriter = new KeyWriter(store, clock, config.atSign());
    AuthLimits limits = config.authLimits();
    this.authFailures =
        new AddressFailureLimiter(
            limits.maxFailuresPerAddress(),
            limits.addressWindow(),
            limits.maxTrackedAddresses(),
            limits.globalFailureBurst(),
            limits.globalFailuresPerMinute());
    this.metrics =
        new ServerMetrics(config.atSign(), store::approximateSizeBytes, store::lastCommitId);
    this.accessLog = new AccessLog(store.accessLog(), clock, config.ops().accessLogEnabled());
    this.opsExecutor = new OpsExecutor(config.atSign().name());
  }

  /** The server's configuration. */
  public AtServerConfig config() {
    return config;
  }

  /** The atSign this server serves. */
  public AtSign atSign() {
    return config.atSign();
  }

  /** This atSign's storage. */
  public AtStore store() {
    return store;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** When the server started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** The platform's crypto conventions. */
  public AtCrypto crypto() {
    return crypto;
  }

  /** The command parser. */
  public CommandParser parser() {
    return parser;
  }

  /** The reply renderer, the only writer of {@code data:} and {@code error:} text. */
  public ReplyRenderer renderer() {
    return renderer;
  }

  /** Which keys the owner may write and delete. */
  public KeyPolicy keyPolicy() {
    return keyPolicy;
  }

  /** Ordered, durable writes of the owner's keys; listeners for committed changes attach here. */
  public KeyWriter keyWriter() {
    return keyWriter;
  }

  /** Failed authentication attempts per source address. */
  public AddressFailureLimiter authFailures() {
    return authFailures;
  }

  /** The verb handlers. */
  public VerbRegistry registry() {
    return registry;
  }

  void registry(VerbRegistry registry) {
    this.registry = registry;
  }

  /** Server-to-server services: directory, outbound pool, pol checks, cache, block list. */
  public Peers peers() {
    return peers;
  }

  void peers(Peers peers) {
    this.peers = peers;
  }

  /** Notifications: notify, monitor, autoNotify, stats notifications. */
  public NotificationService notifications() {
    return notifications;
  }

  void notifications(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** This server's metrics, and the hooks other features feed. */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** The access log of logins, authentications and lookups. */
  public AccessLog accessLog() {
    return accessLog;
  }

  /** Where storage work too long for an event loop runs. */
  public OpsExecutor opsExecutor() {
    return opsExecutor;
  }

  /**
   * Registers something to close when the server closes, before its storage closes.
   *
   * @param closeable e.g. a background job
   */
  public void closeWithServer(AutoCloseable closeable) {
    closeWithServer.add(closeable);
  }

  /** Closes what was registered, newest first, then the ops executor and the metrics. */
  void closeServices() {
    for (int i = closeWithServer.size() - 1; i >= 0; i--) {
      try {
        closeWithServer.get(i).close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(ServerContext.class)
            .warn("event=close.failed what={}", closeWithServer.get(i), e);
      }
    }
    opsExecutor.close();
    metrics.close();
  }
}
