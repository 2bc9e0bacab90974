package dev.atpj.server.notify;

import dev.atpj.protocol.AtException;
import dev.atpj.server.core.Connection;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.store.LogRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One {@code monitor} connection (docs/protocol.md B11, C9): which notifications it wants, and
 * their delivery as {@code notification: {json}} lines.
 *
 * <p>With an epochMillis, stored notifications newer than it are replayed first, in order, in
 * chunks on the subscription's executor; notifications that arrive meanwhile are held back and
 * written after the replay. What the replay and the live stream could both miss, a notification
 * that was pushed before this monitor started but is not yet durable, is taken from the receiver's
 * in-flight set when the replay starts. A notification can reach the replay and the live stream
 * both (it is stored while its push is on its way), so every id the replay writes is remembered,
 * and a live copy of it is dropped, during the replay and for {@link #LIVE_RACE_WINDOW} after it:
 * each notification is written exactly once.
 *
 * <p>The monitor's regex is the client's: it is matched with a cost budget ({@link KeyPattern}), a
 * notification whose match exceeds it is not shown, and matching never runs on an event loop.
 * {@link #offer} may be called from any thread; everything else runs on the subscription's serial
 * executor (tasks in order, one at a time, off the event loops).
 */
final class MonitorSubscription {
  /** Records read per event-loop task while replaying. */
  static final int REPLAY_CHUNK = 256;

  /** How long a replayed notification may still arrive live, by its createdAt. */
  static final Duration LIVE_RACE_WINDOW = Duration.ofMinutes(1);

  private record Held(String line, long createdAtMillis) {}

  private final Connection connection;
  private final KeyPattern regex;
  private final Executor serial;
  private final boolean strict;
  private final boolean self;
  private volatile boolean closed;
  private boolean replaying;
  private Map<String, Held> held;
  private LinkedHashMap<String, Long> written;
  private Clock clock;

  /**
   * A subscription.
   *
   * @param connection where notification lines go
   * @param regex the client's filter, or null for all
   * @param strict no stats notifications
   * @param self self notifications too
   * @param serial runs this subscription's work in order, never on an event loop
   */
  MonitorSubscription(
      Connection connection, KeyPattern regex, boolean strict, boolean self, Executor serial) {
    this.connection = connection;
    this.regex = regex;
    this.serial = serial;
    this.strict = strict;
    this.self = self;
  }

  /**
   * Whether this monitor shows a notification: received (or self, if asked) and matching within the
   * regex's budget. Runs the client's regex: call on the serial executor only.
   */
  private boolean wants(Notification n) {
    if (n.kind() == NotificationKind.SENT || (n.kind() == NotificationKind.SELF && !self)) {
      return false;
    }
    if (regex == null) {
      return true;
    }
    try {
      return regex.find(n.key()) || regex.find(n.from().name());
    } catch (AtException tooExpensive) {
      return false;
    }
  }

  /** Whether this monitor shows stats notifications (not in strict mode). */
  boolean wantsStats() {
    return !strict && !closed;
  }

  /** Writes a notification's line if this monitor wants it; any thread. */
  void offer(Notification n, Supplier<String> line) {
    if (closed) {
      return;
    }
    serial.execute(
        () -> {
          if (wants(n)) {
            onLoop(n.id(), n.createdAt().toEpochMilli(), line.get());
          }
        });
  }

  /** Writes a stats notification line; any thread. */
  void offerStats(String line) {
    if (wantsStats()) {
      connection.push(line);
    }
  }

  /** Stops writing to this connection. */
  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed || !connection.isOpen();
  }

  /**
   * Holds live notifications back until a {@link #replay} has written what it replays; call before
   * the subscription receives live notifications.
   */
  void holdLiveForReplay() {
    replaying = true;
    held = new LinkedHashMap<>();
    written = new LinkedHashMap<>();
  }

  /**
   * Replays stored notifications newer than {@code afterMillis}, on the serial executor; call after
   * {@link #holdLiveForReplay} and after this subscription receives live notifications.
   *
   * @param afterMillis replay notifications whose epochMillis is greater
   * @param log the notification log
   * @param inFlight received notifications not yet durable
   * @param clock to skip expired notifications
   * @param lines renders a notification line
   */
  void replay(
      long afterMillis,
      NotificationLog log,
      Collection<Notification> inFlight,
      Clock clock,
      Function<Notification, String> lines) {
    serial.execute(() -> startReplay(afterMillis, log, inFlight, clock, lines));
  }

  private void startReplay(
      long afterMillis,
      NotificationLog log,
      Collection<Notification> inFlight,
      Clock clock,
      Function<Notification, String> lines) {
    this.clock = clock;
    List<Notification> pending = new ArrayList<>(inFlight);
    pending.sort(Comparator.comparing(Notification::createdAt));
    for (Notification n : pending) {
      if (n.createdAt().toEpochMilli() > afterMillis && wants(n)) {
        held.putIfAbsent(n.id(), new Held(lines.apply(n), n.createdAt().toEpochMilli()));
      }
    }
    chunk(Instant.ofEpochMilli(afterMillis + 1), log, lines);
  }

  private void chunk(Instant from, NotificationLog log, Function<Notification, String> lines) {
    if (isClosed()) {
      return;
    }
    Instant now = clock.instant();
    int[] seen = {0};
    LogRecord[] last = {null};
    log.forEachRecordSince(
        from,
        r -> {
          last[0] = r;
          byte[] data = r.data();
          NotificationKind kind = NotificationCodec.kind(data);
          if (kind != null
              && kind != NotificationKind.SENT
              && (kind != NotificationKind.SELF || self)) {
            Notification n = NotificationLog.decode(r.id(), r.time(), data);
            if (n != null && !n.isExpiredAt(now) && wants(n)) {
              held.remove(n.id());
              write(n.id(), n.createdAt().toEpochMilli(), lines.apply(n));
            }
          }
          return ++seen[0] < REPLAY_CHUNK;
        });
    if (seen[0] >= REPLAY_CHUNK) {
      Instant next = last[0].time().plusMillis(1);
      serial.execute(() -> chunk(next, log, lines));
      return;
    }
    replaying = false;
    held.forEach((id, h) -> write(id, h.createdAtMillis(), h.line()));
    held = null;
    forgetOldReplayed();
  }

  /** Writes a replayed (or held) notification once, remembering its id. */
  private void write(String id, long createdAtMillis, String line) {
    if (written.putIfAbsent(id, createdAtMillis) == null) {
      connection.push(line);
    }
  }

  private void onLoop(String id, long createdAtMillis, String line) {
    if (isClosed()) {
      return;
    }
    if (replaying) {
      if (!written.containsKey(id)) {
        held.putIfAbsent(id, new Held(line, createdAtMillis));
      }
      return;
    }
    if (written != null) {
      boolean replayed = written.remove(id) != null;
      forgetOldReplayed();
      if (replayed) {
        return; // the replay wrote it already
      }
    }
    connection.push(line);
  }

  /** Drops remembered ids too old to arrive live any more. */
  private void forgetOldReplayed() {
    long horizon = clock.millis() - LIVE_RACE_WINDOW.toMillis();
    Iterator<Long> oldestFirst = written.values().iterator(); // written in time order
    while (oldestFirst.hasNext() && oldestFirst.next() < horizon) {
      oldestFirst.remove();
    }
    if (written.isEmpty()) {
      written = null;
    }
  }
}
