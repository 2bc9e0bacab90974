package dev.atpj.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {
  private static final Duration INTERVAL = Duration.ofHours(1);

  /** Runs every scheduled task at once and records the delay it was asked for. */
  private final RecordingScheduler scheduler = new RecordingScheduler();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aRunWithMoreWorkIsFollowedAtOnceOtherwiseAfterTheInterval() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicJob job =
        new PeriodicJob(
            "test",
            () -> CompletableFuture.completedFuture(runs.incrementAndGet() % 3 != 0),
            scheduler,
            INTERVAL);
    job.start();
    Await.until(() -> runs.get() >= 6, "six runs");
    job.close();
    assertThat(scheduler.delays.subList(0, 6))
        .containsExactly(3_600_000L, 0L, 0L, 3_600_000L, 0L, 0L);
  }

  @Test
  void aFailedRunIsFollowedAfterTheInterval() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicJob job =
        new PeriodicJob(
            "test",
            () -> {
              if (runs.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("thrown");
              }
              return CompletableFuture.failedFuture(new IllegalStateException("failed"));
            },
            scheduler,
            INTERVAL);
    job.start();
    Await.until(() -> runs.get() >= 4, "four runs");
    job.close();
    assertThat(scheduler.delays.subList(0, 4)).containsOnly(3_600_000L);
  }

  @Test
  void aBlockingTaskRunsOnTheExecutorOneRunAtATime() {
    ExecutorService executor =
        Executors.newFixedThreadPool(2, task -> new Thread(task, "ops-test"));
    try {
      List<String> threads = new CopyOnWriteArrayList<>();
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      PeriodicJob job =
          new PeriodicJob(
              "test",
              () -> {
                if (inFlight.incrementAndGet() > 1) {
                  overlaps.incrementAndGet();
                }
                threads.add(Thread.currentThread().getName());
                inFlight.decrementAndGet();
              },
              scheduler,
              executor,
              INTERVAL);
      job.start();
      Await.until(() -> threads.size() >= 3, "three runs");
      job.close();
      assertThat(threads).allMatch(name -> name.equals("ops-test"));
      assertThat(overlaps).hasValue(0);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theJobStopsWhenTheExecutorRefusesWork() {
    AtomicInteger handed = new AtomicInteger();
    PeriodicJob job =
        new PeriodicJob(
            "test",
            () -> {},
            scheduler,
            task -> {
              handed.incrementAndGet();
              throw new RejectedExecutionException("shutting down");
            },
            INTERVAL);
    job.start();
    Await.until(() -> handed.get() == 1, "the refused run");
    Await.until(() -> scheduler.getCompletedTaskCount() == 1, "the scheduled run ended");
    assertThat(scheduler.delays).hasSize(1);
  }

  @Test
  void aClosedJobSchedulesNothing() {
    PeriodicJob job =
        new PeriodicJob(
            "test", () -> CompletableFuture.completedFuture(false), scheduler, INTERVAL);
    job.close();
    job.start();
    assertThat(scheduler.delays).isEmpty();
  }

  private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delays = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delays.add(unit.toMillis(delay));
      return super.schedule(command, 0, TimeUnit.MILLISECONDS);
    }
  }
}
