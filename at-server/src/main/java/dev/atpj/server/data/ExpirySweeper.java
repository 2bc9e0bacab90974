package dev.atpj.server.data;

import dev.atpj.server.runtime.PeriodicJob;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes expired keys from storage in the background (docs/protocol.md B7 ttl). Each run asks the
 * store to remove up to a batch of keys through its expiry index (never a keystore scan); the work
 * happens on the store's commit thread, so the event loop that schedules the runs is never held. A
 * full batch is followed by the next one at once, otherwise the next run waits the interval. At
 * most one run is in flight. Expired keys are already invisible before they are removed.
 */
public final class ExpirySweeper implements AutoCloseable {
  private final AtomicLong removed = new AtomicLong();
  private final PeriodicJob job;

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
    this.job =
        new PeriodicJob(
            "expiry.sweep",
            () ->
                store
                    .removeExpired(clock.instant(), batchSize)
                    .thenApply(
                        count -> {
                          removed.addAndGet(count);
                          return count >= batchSize;
                        }),
            scheduler,
            interval);
  }

  /** Schedules the first run after one interval. */
  public void start() {
    job.start();
  }

  /** How many keys the sweeper removed so far. */
  public long removedKeys() {
    return removed.get();
  }

  /** Stops scheduling runs; a run in flight completes in the store. */
  @Override
  public void close() {
    job.close();
  }
}
