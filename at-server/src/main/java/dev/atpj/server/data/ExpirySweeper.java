package dev.atpj.server.data;

import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired keys from storage in the background (PROTOCOL.md B7 ttl). Each run asks the store
 * to remove up to a batch of keys through its expiry index (never a keystore scan); the work
 * happens on the store's commit thread, so the event loop that schedules the runs is never held. A
 * full batch is followed by the next one at once, otherwise the next run waits the interval. At
 * most one run is in flight. Expired keys are already invisible before they are removed.
 */
public final class ExpirySweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

  private final AtStore store;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final int batchSize;
  private final AtomicLong removed = new AtomicLong();
  private ScheduledFuture<?> next;
  private boolean closed;

  /**
   * A sweeper; call {@link #start()}.
   *
   * @param store the store to sweep
   * @param clock the server's clock
   * @param scheduler where runs are scheduled (an event loop)
   * @param interval pause between runs that found less than a batch
   * @param batchSize most keys removed per run
   */
  public ExpirySweeper(
      AtStore store,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration interval,
      int batchSize) {
    this.store = store;
    this.clock = clock;
    this.scheduler = scheduler;
    this.interval = interval;
    this.batchSize = batchSize;
  }

  /** Schedules the first run after one interval. */
  public void start() {
    schedule(interval);
  }

  /** How many keys the sweeper removed so far. */
  public long removedKeys() {
    return removed.get();
  }

  /** Stops scheduling runs; a run in flight completes in the store. */
  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }

  private synchronized void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      next = scheduler.schedule(this::sweep, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      closed = true; // the event loops are shutting down
    }
  }

  private void sweep() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    CompletableFuture<Integer> run;
    try {
      run = store.removeExpired(clock.instant(), batchSize);
    } catch (RuntimeException e) {
      LOG.warn("expired-key sweep failed to start", e);
      schedule(interval);
      return;
    }
    run.whenComplete(
        (count, failure) -> {
          if (failure != null) {
            LOG.warn("expired-key sweep failed", failure);
            schedule(interval);
            return;
          }
          removed.addAndGet(count);
          schedule(count >= batchSize ? Duration.ZERO : interval);
        });
  }
}
