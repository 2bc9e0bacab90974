package dev.atpj.server.cache;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.server.runtime.PeriodicJob;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches cached copies again once their refreshAt has passed (docs/protocol.md B8; reference
 * {@code cache_refresh_job}, daily by default): each due copy is updated from its owner's atServer,
 * or removed when the original is gone, inactive or no longer cacheable; a copy whose owner cannot
 * be reached stays and is tried on the next run. Which copies are due is judged with the server's
 * clock; only the {@code cached:} key range is read, never the whole store. Copies are refreshed
 * one after another, so a run never floods other atServers. At most one run is in progress.
 */
public final class CacheRefreshJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CacheRefreshJob.class);
  private static final String PREFIX = "cached:";

  private final AtStore store;
  private final RemoteCache cache;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final PeriodicJob job;
  private CompletableFuture<Map<RefreshOutcome, Integer>> running;

  /**
   * A job; call {@link #start()} to run it every interval.
   *
   * @param store the atSign's store
   * @param cache the cache to refresh
   * @param clock the server's clock
   * @param scheduler where runs are scheduled and continue (an event loop)
   * @param interval time between runs
   */
  public CacheRefreshJob(
      AtStore store,
      RemoteCache cache,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration interval) {
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.scheduler = scheduler;
    this.job = new PeriodicJob("cache.refresh", this::runScheduled, scheduler, interval);
  }

  /** Schedules a run every interval after the previous one ended, the first after one interval. */
  public void start() {
    job.start();
  }

  /**
   * Runs now, or joins the run in progress.
   *
   * @return how many due copies ended in each outcome
   */
  public synchronized CompletableFuture<Map<RefreshOutcome, Integer>> runNow() {
    if (running != null && !running.isDone()) {
      return running;
    }
    List<AtKey> due = dueCopies(clock.instant());
    Map<RefreshOutcome, Integer> counts = new EnumMap<>(RefreshOutcome.class);
    CompletableFuture<Map<RefreshOutcome, Integer>> run = new CompletableFuture<>();
    next(due.iterator(), counts, run);
    running = run;
    return run;
  }

  @Override
  public void close() {
    job.close();
  }

  private CompletableFuture<Boolean> runScheduled() {
    return runNow()
        .thenApply(
            counts -> {
              if (!counts.isEmpty()) {
                LOG.info("cache refresh: {}", counts);
              }
              return false;
            });
  }

  private void next(
      Iterator<AtKey> due,
      Map<RefreshOutcome, Integer> counts,
      CompletableFuture<Map<RefreshOutcome, Integer>> run) {
    if (!due.hasNext()) {
      run.complete(counts);
      return;
    }
    AtKey copy = due.next();
    CompletableFuture<RefreshOutcome> outcome;
    try {
      outcome = cache.refresh(copy, scheduler);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.completedFuture(RefreshOutcome.FAILED);
    }
    outcome.whenCompleteAsync(
        (result, failure) -> {
          RefreshOutcome counted = failure == null ? result : RefreshOutcome.FAILED;
          counts.merge(counted, 1, Integer::sum);
          next(due, counts, run);
        },
        scheduler);
  }

  private List<AtKey> dueCopies(Instant now) {
    List<AtKey> due = new ArrayList<>();
    store.forEachKey(
        PREFIX,
        entry -> {
          if (RemoteCache.isDue(entry.value().metadata(), now)) {
            try {
              AtKey key = AtKey.parse(entry.key());
              if (cache.isCopy(key)) {
                due.add(key);
              }
            } catch (AtException e) {
              LOG.warn("skipping an unreadable cached key: {}", e.code().code());
              LOG.debug("unreadable cached key {}", entry.key());
            }
          }
          return true;
        });
    return due;
  }
}
