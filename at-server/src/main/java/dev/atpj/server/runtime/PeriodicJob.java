package dev.atpj.server.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task again and again with a pause between runs, timed on a scheduler (an event loop, which
 * is never held). A run is started on the scheduler and may finish elsewhere (a store's commit
 * thread, the ops executor); the next run is scheduled when it has finished, so at most one run is
 * in flight. A run that reports more waiting work is followed by the next one at once, otherwise
 * after the pause. A failed run is logged and the next one comes after the pause as usual. When the
 * scheduler or the executor refuses work (they are shutting down), the job stops.
 */
public final class PeriodicJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

  private final String name;
  private final Supplier<? extends CompletionStage<Boolean>> run;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private ScheduledFuture<?> next;
  private boolean closed;

  /**
   * A job whose runs are asynchronous; call {@link #start()}.
   *
   * @param name for logs
   * @param run starts one run; it completes with true when more work is waiting
   * @param scheduler times the runs and starts them
   * @param interval pause between the end of a run and the start of the next
   */
  public PeriodicJob(
      String name,
      Supplier<? extends CompletionStage<Boolean>> run,
      ScheduledExecutorService scheduler,
      Duration interval) {
    this.name = name;
    this.run = run;
    this.scheduler = scheduler;
    this.interval = interval;
  }

  /**
   * A job whose runs block; call {@link #start()}.
   *
   * @param name for logs
   * @param task the work of one run
   * @param scheduler times the runs
   * @param executor runs them (the ops executor, which may block on storage)
   * @param interval pause between the end of a run and the start of the next
   */
  public PeriodicJob(
      String name,
      Runnable task,
      ScheduledExecutorService scheduler,
      Executor executor,
      Duration interval) {
    this.name = name;
    this.run =
        () ->
            CompletableFuture.runAsync(() -> runUnlessClosed(task), executor)
                .thenApply(done -> false);
    this.scheduler = scheduler;
    this.interval = interval;
  }

  /** Schedules the first run after one interval. */
  public void start() {
    schedule(interval);
  }

  /** Stops scheduling runs; a run in flight completes. */
  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }

  private void runUnlessClosed(Runnable task) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    task.run();
  }

  private synchronized void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      next = scheduler.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      closed = true; // the event loops are shutting down
    }
  }

  private void runOnce() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    CompletionStage<Boolean> running;
    try {
      running = run.get();
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        closed = true; // the executor is shutting down
      }
      return;
    } catch (RuntimeException e) {
      LOG.warn("event=job.failed job={}", name, e);
      schedule(interval);
      return;
    }
    running.whenComplete(
        (more, failure) -> {
          if (failure != null) {
            LOG.warn("event=job.failed job={}", name, failure);
          }
          schedule(failure == null && Boolean.TRUE.equals(more) ? Duration.ZERO : interval);
        });
  }
}
