package dev.atpj.server.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one connection a {@link DirectoryClient} keeps open to its atDirectory between lookups, so
 * that a lookup costs one round trip instead of a TCP and TLS handshake. It serves one lookup at a
 * time (directories need not take pipelined lines, docs/protocol.md B4); a lookup that finds it
 * busy gets a connection of its own, closed after its answer. The kept connection is closed after
 * an unknown atSign (directories throttle connections that ask for unknown names), after a failure,
 * and when unused for the keep-alive time. Thread-safe.
 */
final class DirectoryConnection implements AutoCloseable {
  /**
   * A connection handed to one lookup.
   *
   * @param client the connection, open or opening
   * @param kept whether it is the kept connection (else a one-off, closed when released)
   * @param reused whether it had served before (then it may have been closed by the directory
   *     meanwhile, and a failure is worth one more try on a new connection)
   */
  record Lease(CompletableFuture<LineClient> client, boolean kept, boolean reused) {}

  private final Supplier<CompletableFuture<LineClient>> connector;
  private final Duration keepAlive;
  private final ScheduledExecutorService timer;
  private CompletableFuture<LineClient> current;
  private boolean busy;
  private long generation;
  private boolean closed;

  /**
   * @param connector opens a new connection
   * @param keepAlive how long the kept connection may stay unused; zero keeps none
   * @param timer runs the idle checks
   */
  DirectoryConnection(
      Supplier<CompletableFuture<LineClient>> connector,
      Duration keepAlive,
      ScheduledExecutorService timer) {
    this.connector = connector;
    this.keepAlive = keepAlive;
    this.timer = timer;
  }

  /** A connection for one lookup; give it back with {@link #release}. */
  Lease lease() {
    synchronized (this) {
      if (!keepAlive.isZero() && !busy && !closed) {
        busy = true;
        generation++;
        if (current != null && !failedOrClosed(current)) {
          return new Lease(current, true, current.isDone());
        }
        current = connector.get();
        return new Lease(current, true, false);
      }
    }
    return new Lease(connector.get(), false, false);
  }

  /**
   * Gives a connection back after its lookup.
   *
   * @param lease the lease
   * @param keep whether the connection may serve the next lookup (it answered a known atSign)
   */
  void release(Lease lease, boolean keep) {
    if (lease.kept()) {
      synchronized (this) {
        busy = false;
        if (keep && !closed && current == lease.client()) {
          scheduleIdleClose(++generation);
          return;
        }
        if (current == lease.client()) {
          current = null;
        }
      }
    }
    closeQuietly(lease.client());
  }

  /** Opens the kept connection now, if there is none, so that the first lookup finds it open. */
  void connectAhead() {
    CompletableFuture<LineClient> opening;
    synchronized (this) {
      if (keepAlive.isZero() || closed || current != null) {
        return;
      }
      opening = connector.get();
      current = opening;
      scheduleIdleClose(++generation);
    }
    opening.whenComplete(
        (client, failure) -> {
          if (failure != null) {
            synchronized (this) {
              if (current == opening) {
                current = null;
              }
            }
          }
        });
  }

  /** Whether the kept connection is open or opening (for tests and metrics). */
  synchronized boolean isKept() {
    return current != null && !failedOrClosed(current);
  }

  @Override
  public void close() {
    CompletableFuture<LineClient> last;
    synchronized (this) {
      closed = true;
      last = current;
      current = null;
    }
    if (last != null) {
      closeQuietly(last);
    }
  }

  private void scheduleIdleClose(long expected) {
    try {
      timer.schedule(() -> closeIfIdle(expected), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // the event loops are shutting down and close every connection anyway
    }
  }

  private void closeIfIdle(long expected) {
    CompletableFuture<LineClient> idle;
    synchronized (this) {
      if (busy || generation != expected || current == null) {
        return;
      }
      idle = current;
      current = null;
    }
    closeQuietly(idle);
  }

  private static boolean failedOrClosed(CompletableFuture<LineClient> client) {
    return client.isCompletedExceptionally() || (client.isDone() && !client.join().isOpen());
  }

  private static void closeQuietly(CompletableFuture<LineClient> client) {
    client.whenComplete(
        (c, failure) -> {
          if (c != null && c.isOpen()) {
            c.send("@exit");
            c.close();
          }
        });
  }
}
