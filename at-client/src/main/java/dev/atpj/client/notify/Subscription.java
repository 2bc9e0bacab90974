package dev.atpj.client.notify;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.Blocking;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Monitor;
import dev.atpj.protocol.command.Noop;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live stream of notifications (docs/protocol.md B11, C9): its own PKAM-authenticated connection,
 * {@code monitor[:strict][:selfNotifications][:<epochMillis>][ <regex>]} (no answer is awaited),
 * then every {@code notification:} line is decoded, decrypted and handed to the listener once per
 * id, in arrival order.
 *
 * <p>Every {@link SubscriptionOptions#heartbeat()} a {@code noop:0} must be answered within the
 * request timeout, or the connection is dropped. A dropped connection is reopened (with pauses from
 * one second, doubling up to {@link SubscriptionOptions#maxReconnectDelay()}) and {@code monitor}
 * resumes from the last notification's epochMillis minus {@link
 * SubscriptionOptions#replayOverlap()}, so nothing stored in between is missed; duplicates are
 * dropped by id. Decoding, decryption and (by default) the listener run on the subscription's own
 * thread, never on an I/O thread. Close it to stop.
 */
public final class Subscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
  private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);

  private final AtConnector connector;
  private final AtSign me;
  private final Supplier<AtKeys> keys;
  private final SubscriptionOptions options;
  private final NotificationDecoder decoder;
  private final NotificationListener listener;
  private final ConnectionListener connectionListener;
  private final Clock clock;
  private final Pattern filter;
  private final RecentIds seen;
  private final ScheduledExecutorService thread;
  private final AtomicLong lastEpochMillis = new AtomicLong(-1);
  private final AtomicLong connects = new AtomicLong();
  private volatile AtConnection connection;
  private volatile long connectedAtMillis;
  private volatile boolean closed;
  private String lostFrom;
  private ScheduledFuture<?> heartbeat;
  private Duration reconnectDelay = FIRST_RECONNECT_DELAY;

  private Subscription(
      AtConnector connector,
      AtSign me,
      Supplier<AtKeys> keys,
      SubscriptionOptions options,
      NotificationDecoder decoder,
      NotificationListener listener,
      ConnectionListener connectionListener,
      Clock clock) {
    this.connector = connector;
    this.me = me;
    this.keys = keys;
    this.options = options;
    this.decoder = decoder;
    this.listener = listener;
    this.connectionListener = connectionListener;
    this.clock = clock;
    this.filter = options.regex() == null ? null : Pattern.compile(options.regex());
    this.seen = new RecentIds(options.dedupCapacity());
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "atpj-monitor-" + me);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Opens the monitor connection and starts delivering.
   *
   * @param connector opens connections
   * @param me the receiving atSign
   * @param keys its keys (PKAM)
   * @param options filter, replay and timing
   * @param decoder decodes and decrypts notifications
   * @param listener receives them
   * @param connectionListener told when the connection is lost and when it is back
   * @param clock the client's clock (when nothing was received yet, a reconnection replays from the
   *     time of the first connection)
   * @return the running subscription
   * @throws AtException when the first connection cannot be made or the atServer refuses {@code
   *     monitor} (later connections are retried)
   */
  public static Subscription start(
      AtConnector connector,
      AtSign me,
      Supplier<AtKeys> keys,
      SubscriptionOptions options,
      NotificationDecoder decoder,
      NotificationListener listener,
      ConnectionListener connectionListener,
      Clock clock) {
    Subscription s =
        new Subscription(
            connector, me, keys, options, decoder, listener, connectionListener, clock);
    try {
      s.thread.submit(s::connect).get();
    } catch (ExecutionException e) {
      s.close();
      throw Blocking.unwrap(e.getCause());
    } catch (InterruptedException e) {
      s.close();
      Thread.currentThread().interrupt();
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "interrupted while subscribing");
    }
    return s;
  }

  /** Whether the monitor connection is open now. */
  public boolean isConnected() {
    AtConnection c = connection;
    return c != null && c.isOpen();
  }

  /** The epochMillis of the latest notification received, or -1. */
  public long lastEpochMillis() {
    return lastEpochMillis.get();
  }

  /** How many monitor connections were opened so far (1 + reconnections). */
  public long connections() {
    return connects.get();
  }

  /** Drops the monitor connection as a network failure would; it is reopened as usual. */
  public void disconnect() {
    AtConnection c = connection;
    if (c != null) {
      c.close();
    }
  }

  /** Stops: closes the connection and the subscription's thread. */
  @Override
  public void close() {
    closed = true;
    AtConnection c = connection;
    if (c != null) {
      c.close();
    }
    thread.shutdownNow();
  }

  /** Runs on the subscription's thread. */
  private void connect() {
    if (closed) {
      return;
    }
    AtConnection c = connector.connectWithPkam(me, keys.get());
    Long resume = resumeFrom();
    c.onNotification(json -> onLine(c, json));
    try {
      c.startMonitor(
          new Monitor(
                  !options.includeStats(),
                  options.selfNotifications(),
                  false,
                  resume,
                  options.regex())
              .render());
    } catch (AtException e) {
      c.close();
      throw e;
    }
    if (connects.getAndIncrement() == 0) {
      connectedAtMillis = clock.millis();
    }
    connection = c;
    reconnectDelay = FIRST_RECONNECT_DELAY;
    c.closeFuture().thenRun(() -> onClosed(c));
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    long every = options.heartbeat().toMillis();
    heartbeat = thread.scheduleWithFixedDelay(() -> beat(c), every, every, TimeUnit.MILLISECONDS);
    LOG.debug("monitoring {} from {}", me, resume);
  }

  private Long resumeFrom() {
    long overlap = options.replayOverlap().toMillis();
    long last = lastEpochMillis.get();
    if (last >= 0) {
      return Math.max(0, last - overlap);
    }
    if (connects.get() == 0) {
      return options.since();
    }
    long start = options.since() != null ? options.since() : connectedAtMillis - overlap;
    return Math.max(0, start);
  }

  private void beat(AtConnection c) {
    if (closed || c != connection || !c.isOpen()) {
      return;
    }
    c.executeAsync(new Noop(0).render())
        .whenComplete(
            (answer, failure) -> {
              if (failure != null || !"ok".equals(answer)) {
                LOG.debug("heartbeat failed on {}: {}", c, failure == null ? answer : failure);
                c.close();
              }
            });
  }

  /** On an I/O thread: hand over to the subscription's thread. */
  private void onLine(AtConnection from, String json) {
    if (closed) {
      return;
    }
    try {
      thread.execute(() -> handle(json));
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void handle(String json) {
    AtNotification n;
    try {
      n = decoder.parse(json);
    } catch (AtException e) {
      LOG.warn("dropping a notification for {}: {}", me, e.getMessage());
      return;
    }
    if (!n.isStats()) {
      lastEpochMillis.accumulateAndGet(n.epochMillis(), Math::max);
    }
    if (n.isStats()) {
      if (!options.includeStats()) {
        return;
      }
    } else if (!matches(n) || !seen.add(n.id())) {
      return;
    }
    AtNotification plain = decoder.decrypt(n);
    if (options.executor() == null) {
      deliver(plain);
    } else {
      options.executor().execute(() -> deliver(plain));
    }
  }

  private boolean matches(AtNotification n) {
    if (filter == null || n.isStats()) {
      return true;
    }
    String sender = n.from() == null ? "" : n.from().name();
    return filter.matcher(n.key()).find() || filter.matcher(sender).find();
  }

  private void deliver(AtNotification n) {
    try {
      listener.onNotification(n);
    } catch (RuntimeException e) {
      LOG.warn("the notification listener of {} failed on {}", me, n.id(), e);
    }
  }

  private void onClosed(AtConnection c) {
    if (closed || c != connection) {
      return;
    }
    try {
      thread.execute(
          () -> {
            if (!closed && lostFrom == null) {
              lostFrom = c.address().toString();
              tell(() -> connectionListener.onLost(lostFrom));
            }
            reconnect();
          });
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void reconnect() {
    if (closed || isConnected()) {
      return;
    }
    try {
      connect();
      if (lostFrom != null) {
        String back = connection.address().toString();
        lostFrom = null;
        tell(() -> connectionListener.onRestored(back));
      }
    } catch (AtException e) {
      Duration pause = min(reconnectDelay, options.maxReconnectDelay());
      reconnectDelay = min(pause.multipliedBy(2), options.maxReconnectDelay());
      LOG.debug(
          "monitor of {} could not reconnect ({}); next try in {}", me, e.getMessage(), pause);
      thread.schedule(this::reconnect, pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.warn("monitor of {} could not reconnect", me, e);
      thread.schedule(
          this::reconnect, options.maxReconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void tell(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("the connection listener of {} failed", me, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
