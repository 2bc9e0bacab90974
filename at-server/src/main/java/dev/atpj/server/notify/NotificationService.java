package dev.atpj.server.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.Monitor;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.command.NotifyAll;
import dev.atpj.protocol.command.NotifyList;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.reply.ReplyRenderer;
import dev.atpj.server.data.KeyChange;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.metrics.NotificationCounts;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.ops.SerialExecutor;
import dev.atpj.server.peer.Access;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.session.SessionKey;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The notifications of one atServer (docs/protocol.md B7 autoNotify, B8 cached keys, B11, C9):
 * sending ({@link Outbox}), receiving ({@link Inbox}), monitors ({@link MonitorHub}), stats
 * notifications ({@link StatsNotifier}), expiry ({@link NotificationCompactor}), all on the store's
 * notification log ({@link NotificationLog}). Created when the server starts, after its
 * server-to-server services; queued notifications found in the log are delivered again.
 * Thread-safe.
 */
public final class NotificationService implements AutoCloseable {
  private static final SessionKey<MonitorSubscription> MONITOR = new SessionKey<>("monitor");

  private final AtSign me;
  private final Peers peers;
  private final ReplyRenderer renderer;
  private final NotificationConfig config;
  private final Clock clock;
  private final NotificationLog log;
  private final NotificationFactory factory;
  private final NotificationCounters counters;
  private final MonitorHub hub;
  private final Executor monitorFilters;
  private final Inbox inbox;
  private final Outbox outbox;
  private final StatsNotifier stats;
  private final NotificationCompactor compactor;
  private final AutoNotifyRecovery recovery;
  private volatile ScheduledFuture<?> checkpoints;

  private NotificationService(
      AtSign me,
      NotificationConfig config,
      AtStore store,
      Clock clock,
      ServerMetrics metrics,
      Peers peers,
      ReplyRenderer renderer,
      ScheduledExecutorService scheduler,
      Executor monitorFilters) {
    this.me = me;
    this.config = config;
    this.monitorFilters = monitorFilters;
    this.clock = clock;
    this.peers = peers;
    this.renderer = renderer;
    this.log = new NotificationLog(store.notifications(), clock);
    this.factory = new NotificationFactory(me, config.defaultTtln());
    this.counters = new NotificationCounters(metrics);
    this.hub = new MonitorHub(this::line);
    this.inbox =
        new Inbox(log, hub, store, peers.cache(), clock, config.pushBeforeDurable(), counters);
    this.outbox = new Outbox(log, this::deliver, scheduler, clock, config, counters);
    this.stats =
        new StatsNotifier(
            me,
            store,
            hub,
            clock,
            scheduler,
            config.statsInterval(),
            json -> renderer.notification(json) + "\n");
    this.compactor =
        new NotificationCompactor(
            log, clock, scheduler, config.compactionInterval(), config.compactionBatchSize());
    this.recovery =
        new AutoNotifyRecovery(store, factory, log, outbox, clock, config.defaultTtln());
  }

  /**
   * Starts the notifications of a server: delivers what the log holds queued, listens to key
   * changes (autoNotify, stats) and starts compaction.
   *
   * @param me the atSign this server serves
   * @param config notification settings
   * @param store the atSign's store
   * @param keyWriter the owner's writes, listened to for autoNotify and stats
   * @param clock the server's clock
   * @param metrics where counts are published
   * @param peers server-to-server connections; must be started
   * @param renderer renders notification JSON lines
   * @param scheduler where retries and background work are scheduled (an event loop)
   * @param monitorFilters where monitors match their regexes (never an event loop)
   * @return the service; close it before the server-to-server services
   */
  public static NotificationService start(
      AtSign me,
      NotificationConfig config,
      AtStore store,
      KeyWriter keyWriter,
      Clock clock,
      ServerMetrics metrics,
      Peers peers,
      ReplyRenderer renderer,
      ScheduledExecutorService scheduler,
      Executor monitorFilters) {
    NotificationService service =
        new NotificationService(
            me, config, store, clock, metrics, peers, renderer, scheduler, monitorFilters);
    service.recover();
    if (service.config.autoNotify()) {
      service.recovery.recover();
    }
    keyWriter.addListener(service::onKeyChange);
    metrics.notificationCounts(service::storedCounts);
    service.compactor.start();
    long period = service.config.compactionInterval().toMillis();
    service.checkpoints =
        scheduler.scheduleWithFixedDelay(
            service::checkpoint, period, period, TimeUnit.MILLISECONDS);
    return service;
  }

  // ---- owner and peer requests ----------------------------------------------------------------

  /**
   * Sends a notification for the owner ({@code notify}).
   *
   * @param command the command
   * @param executor the connection's event loop
   * @return the notification id, once it is durable (delivery has started by then)
   */
  public CompletableFuture<String> send(Notify command, Executor executor) {
    Notification n = factory.outgoing(command, log.nextTime());
    return dispatch(n, executor).thenApply(stored -> n.id());
  }

  /**
   * Sends one notification to several atSigns ({@code notify:all}).
   *
   * @return a JSON object mapping each atSign to its notification id
   */
  public CompletableFuture<String> sendAll(NotifyAll command, Executor executor) {
    Map<String, CompletableFuture<String>> ids = new LinkedHashMap<>();
    for (AtSign to : new LinkedHashSet<>(command.recipients())) {
      ids.put(to.toString(), send(NotificationFactory.single(command, to), executor));
    }
    return CompletableFuture.allOf(ids.values().toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, String> result = new LinkedHashMap<>();
              ids.forEach((to, id) -> result.put(to, id.join()));
              return NotificationJson.idsByAtSign(result);
            });
  }

  /**
   * Stores a notification from this atSign to itself that no {@code notify} made, and pushes it to
   * the monitors that show self notifications: the {@code <id>.new.enrollments.__manage}
   * notification of a pending enrollment request (docs/protocol.md B15).
   *
   * @param key the notification key, as monitors show it
   * @param value the value
   * @param ttln how long it is kept
   * @param executor the connection's event loop
   * @return completes once it is durable
   */
  public CompletableFuture<Void> notifySelf(
      String key, String value, Duration ttln, Executor executor) {
    Notification n =
        new Notification(
            UUID.randomUUID().toString(),
            NotificationKind.SELF,
            me,
            me,
            key,
            value,
            NotifyOperation.UPDATE,
            MessageType.KEY,
            NotifyPriority.LOW,
            NotifyStrategy.ALL,
            1,
            Notification.DEFAULT_NOTIFIER,
            ttln.toMillis(),
            log.nextTime(),
            NotificationStatus.DELIVERED,
            0,
            false,
            Metadata.EMPTY);
    return inbox.accept(n, executor);
  }

  /**
   * Takes a notification another atServer delivers ({@code notify} on a pol connection).
   *
   * @param command the forwarded command
   * @param peer the atSign the connection proved to be
   * @param executor the connection's event loop
   * @return completes once it is durable (a duplicate: once the first copy is)
   */
  public CompletableFuture<Void> receive(Notify command, AtSign peer, Executor executor) {
    return inbox.accept(factory.incoming(command, peer, log.nextTime()), executor);
  }

  /** The status of a notification ({@code notify:status}), or empty when unknown. */
  public Optional<String> status(String id) {
    Instant now = clock.instant();
    Optional<Notification> sent = log.sent(id);
    if (sent.isPresent()) {
      return Optional.of(sent.get().statusAt(now).wireName());
    }
    return log.received(id).map(n -> NotificationStatus.DELIVERED.wireName());
  }

  /** The {@code notify:fetch} JSON of a notification, received ones first. */
  public String fetch(String id) {
    return log.received(id)
        .or(() -> log.sent(id))
        .map(n -> NotificationJson.fetch(n, clock.instant()))
        .orElseGet(() -> NotificationJson.fetchUnknown(id));
  }

  /** Removes a notification ({@code notify:remove}); a queued one is no longer delivered. */
  public CompletableFuture<Void> remove(String id) {
    outbox.cancel(id);
    return log.remove(id).thenApply(existed -> null);
  }

  /**
   * {@code notify:list}: for the owner, received notifications that have not expired; for a
   * pol-authenticated atSign, what this atSign sent it.
   *
   * @return a JSON array, or null when nothing matches
   * @throws AtException AT0401 for other connections, AT0022 for bad dates or a regex too expensive
   *     to match, AT0003 for a bad regex; the regex is the client's, so call it off the event loops
   */
  public String list(NotifyList command, AuthState auth) {
    NotificationListing listing =
        NotificationListing.of(command, config.listLimit(), clock.instant());
    List<Notification> found;
    if (auth instanceof AuthState.Owner) {
      found = listing.collect(log, n -> n.kind() == NotificationKind.RECEIVED);
    } else if (auth instanceof AuthState.Peer peer) {
      found =
          listing.collect(
              log, n -> n.kind() == NotificationKind.SENT && n.to().equals(peer.atSign()));
    } else {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED, "notify:list needs an authenticated connection");
    }
    return found.isEmpty() ? null : NotificationJson.list(found);
  }

  /**
   * Makes a connection a monitor ({@code monitor}); a second {@code monitor} replaces the first.
   *
   * @throws AtException AT0003 for a regex that does not compile
   */
  public void monitor(Monitor command, SessionContext session) {
    KeyPattern regex = NotificationListing.compile(command.regex());
    MonitorSubscription previous = session.get(MONITOR).orElse(null);
    if (previous != null) {
      hub.remove(previous);
    }
    MonitorSubscription subscription =
        new MonitorSubscription(
            session.connection(),
            regex,
            command.strict(),
            command.selfNotifications(),
            new SerialExecutor(monitorFilters));
    session.put(MONITOR, subscription);
    if (previous == null) {
      session.onClose(() -> session.get(MONITOR).ifPresent(hub::remove));
    }
    if (command.epochMillis() != null) {
      subscription.holdLiveForReplay();
    }
    hub.add(subscription);
    if (command.epochMillis() != null) {
      subscription.replay(command.epochMillis(), log, inbox.inFlight(), clock, this::line);
    }
    if (!command.strict()) {
      stats.monitorStarted();
    }
  }

  /** What the service did since start. */
  public NotificationCounters counters() {
    return counters;
  }

  /**
   * What the log holds, grouped as {@code stats:11} (NotificationCount) shows it: one pass over the
   * notification log, which compaction keeps to unexpired records. Run it off the event loops.
   */
  public NotificationCounts storedCounts() {
    return LogScans.counts(log, clock.instant());
  }

  /** Monitor connections now. */
  public int monitorCount() {
    return hub.size();
  }

  /** Sent notifications waiting for delivery or in flight now. */
  public int pendingCount() {
    return outbox.pendingCount();
  }

  /** Runs one compaction of expired records now; completes with how many went. */
  public CompletableFuture<Integer> compactNow() {
    return compactor.runOnce();
  }

  /** Writes the autoNotify checkpoint (see {@link AutoNotifyRecovery}); runs periodically. */
  void checkpoint() {
    try {
      recovery.checkpoint();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(NotificationService.class)
          .warn("autoNotify checkpoint failed", e);
    }
  }

  @Override
  public void close() {
    ScheduledFuture<?> periodic = checkpoints;
    if (periodic != null) {
      periodic.cancel(false);
    }
    compactor.close();
    stats.close();
    outbox.close();
    hub.close();
  }

  // ---- internals --------------------------------------------------------------------------------

  private CompletableFuture<Void> dispatch(Notification n, Executor executor) {
    if (n.kind() != NotificationKind.SENT) {
      return inbox.accept(n, executor);
    }
    CompletableFuture<Void> persisted = log.put(n);
    outbox.enqueue(n, persisted);
    return persisted;
  }

  private void onKeyChange(KeyChange change) {
    stats.changed();
    if (config.autoNotify() && factory.isAutoNotified(change.key())) {
      Notification n = factory.ofChange(change, log.nextTime());
      long commitId = change.commitId();
      recovery.writing(commitId);
      CompletableFuture<Void> stored = log.put(n);
      stored.whenComplete((done, failure) -> recovery.written(commitId));
      outbox.enqueue(n, stored);
    }
  }

  /** Queues again what the log holds as sent and queued, oldest first. */
  private void recover() {
    for (Notification n : LogScans.queuedSent(log, clock.instant())) {
      outbox.enqueue(n, CompletableFuture.completedFuture(null));
    }
  }

  private CompletableFuture<String> deliver(AtSign to, String command, java.time.Duration timeout) {
    return peers.request(to, Access.AUTHENTICATED, command, timeout);
  }

  private String line(Notification n) {
    return renderer.notification(NotificationJson.monitor(n)) + "\n";
  }
}
