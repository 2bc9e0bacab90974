package dev.atpj.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.store.memory.InMemoryAtStore;
import dev.atpj.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** Expired notification records are compacted away; live ones stay. */
class NotificationCompactorTest {
  @Test
  void recordsPastTheirTtlnAreRemovedInBatches() {
    MutableClock clock = MutableClock.startingNow();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (InMemoryAtStore store = new InMemoryAtStore(clock)) {
      NotificationLog log = new NotificationLog(store.notifications(), clock);
      for (int i = 0; i < 25; i++) {
        log.put(NotificationsForTests.sent("old" + i, "k", log.nextTime())).join();
      }
      clock.advance(Duration.ofSeconds(30));
      log.put(NotificationsForTests.sent("young", "k", log.nextTime())).join();
      clock.advance(Duration.ofSeconds(40)); // the old ones are 70 s old, ttln 60 s
      NotificationCompactor compactor =
          new NotificationCompactor(log, clock, scheduler, Duration.ofMinutes(1), 10);
      assertThat(compactor.runOnce().join()).isEqualTo(10);
      assertThat(compactor.runOnce().join()).isEqualTo(10);
      assertThat(compactor.runOnce().join()).isEqualTo(5);
      assertThat(compactor.runOnce().join()).isZero();
      assertThat(log.sent("old3")).isEmpty();
      assertThat(log.sent("young")).isPresent();
      assertThat(compactor.removedCount()).isEqualTo(25);
      compactor.close();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
