package dev.atpj.server.ops;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task again and again with a pause between runs: timed on a scheduler (an event loop, which
 * is never held), run on an executor (the ops executor, which may block on storage). At most one
 * run is in flight; a failed run is logged and the next one comes after the pause as usual.
 */
public final class PeriodicJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

  private final String name;
  private final Runnable task;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final Duration interval;
  private ScheduledFuture<?> next;
  private boolean closed;

  /**
   * A job; call {@link #start()}.
   *
   * @param name for logs
   * @param task the work of one run
   * @param scheduler times the runs
   * @param executor runs them
   * @param interval pause between the end of a run and the start of the next
   */
  public PeriodicJob(
      String name,
      Runnable task,
      ScheduledExecutorService scheduler,
      Executor executor,
      Duration interval) {
    this.name = name;
    this.task = task;
    this.scheduler = scheduler;
    this.executor = executor;
    this.interval = interval;
  }

  /** Schedules the first run after one interval. */
  public void start() {
    schedule();
  }

  private synchronized void schedule() {
    if (closed) {
      return;
    }
    try {
      next = scheduler.schedule(this::hand, interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      closed = true; // the event loops are shutting down
    }
  }

  private void hand() {
    try {
      executor.execute(this::run);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        closed = true;
      }
    }
  }

  private void run() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("event=job.failed job={}", name, e);
    }
    schedule();
  }

  /** Stops scheduling runs; a run in flight completes. */
  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
