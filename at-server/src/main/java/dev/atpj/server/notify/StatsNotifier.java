package dev.atpj.server.notify;

import dev.atpj.protocol.AtSign;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Pushes the latest commit id to monitors that are not strict, as a stats notification
 * (docs/protocol.md B11; the SDKs sync when it moves). Driven by changes, not a timer: the first
 * change after a quiet spell is pushed at once, further changes within {@link
 * NotificationConfig#statsInterval()} are coalesced into one push at its end, and nothing is pushed
 * when the commit id did not move. A new monitor gets the current commit id. Thread-safe.
 */
final class StatsNotifier implements AutoCloseable {
  private final AtSign me;
  private final AtStore store;
  private final MonitorHub hub;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final long intervalNanos;
  private final Function<String, String> lines;
  private long lastPushNanos = System.nanoTime() - Long.MAX_VALUE / 4;
  private long lastCommitId = Long.MIN_VALUE;
  private boolean scheduled;
  private boolean force;
  private boolean closed;

  StatsNotifier(
      AtSign me,
      AtStore store,
      MonitorHub hub,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration interval,
      Function<String, String> lines) {
    this.me = me;
    this.store = store;
    this.hub = hub;
    this.clock = clock;
    this.scheduler = scheduler;
    this.intervalNanos = interval.toNanos();
    this.lines = lines;
  }

  /** The commit id may have moved (any thread). */
  void changed() {
    request(false);
  }

  /** A monitor started: push the current commit id even when it did not move. */
  void monitorStarted() {
    request(true);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void request(boolean forced) {
    if (intervalNanos <= 0) {
      return;
    }
    long delay;
    synchronized (this) {
      force |= forced;
      if (scheduled || closed) {
        return;
      }
      scheduled = true;
      delay = Math.max(0, lastPushNanos + intervalNanos - System.nanoTime());
    }
    try {
      scheduler.schedule(this::push, delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      synchronized (this) {
        closed = true;
      }
    }
  }

  private void push() {
    long commitId = store.lastCommitId();
    synchronized (this) {
      scheduled = false;
      if (closed || !hub.wantsStats() || (commitId == lastCommitId && !force)) {
        force = false;
        return;
      }
      force = false;
      lastCommitId = commitId;
      lastPushNanos = System.nanoTime();
    }
    hub.publishStats(lines.apply(NotificationJson.stats(me, commitId, clock.millis())));
  }
}
