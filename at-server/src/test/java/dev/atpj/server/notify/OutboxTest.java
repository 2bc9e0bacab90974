package dev.atpj.server.notify;

import static dev.atpj.server.notify.NotificationsForTests.latest;
import static dev.atpj.server.notify.NotificationsForTests.sent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.store.memory.InMemoryAtStore;
import dev.atpj.testing.Await;
import dev.atpj.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's queues with a fake recipient: order, retries with backoff, permanent errors,
 * attempts, strategy latest, expiry.
 */
class OutboxTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final InMemoryAtStore store = new InMemoryAtStore(clock);
  private final NotificationLog log = new NotificationLog(store.notifications(), clock);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final NotificationCounters counters = new NotificationCounters(null);
  private Outbox outbox;

  /** One delivery the fake recipient got, to be answered by the test. */
  private record Call(String command, CompletableFuture<String> answer) {}

  @AfterEach
  void close() {
    outbox.close();
    scheduler.shutdownNow();
    store.close();
  }

  private Outbox outbox(NotificationConfig.Builder config) {
    outbox =
        new Outbox(
            log,
            (AtSign to, String command, Duration timeout) -> {
              CompletableFuture<String> answer = new CompletableFuture<>();
              calls.add(new Call(command, answer));
              return answer;
            },
            scheduler,
            clock,
            config.retryMinDelay(Duration.ofMillis(5)).retryMaxDelay(Duration.ofMillis(20)).build(),
            counters);
    return outbox;
  }

  private Notification queue(Notification n) {
    log.put(n).join();
    outbox.enqueue(n, CompletableFuture.completedFuture(null));
    return n;
  }

  private Call nextCall() {
    return Await.untilPresent(
        () -> java.util.Optional.ofNullable(calls.poll()), Duration.ofSeconds(10), "a delivery");
  }

  private NotificationStatus status(String id) {
    return log.sent(id).orElseThrow().statusAt(clock.instant());
  }

  private void awaitStatus(String id, NotificationStatus expected) {
    Await.until(() -> status(id) == expected, id + " to be " + expected);
  }

  @Test
  void notificationsArePipelinedInOrderAndRecordedAsDelivered() {
    outbox(NotificationConfig.builder());
    Instant t = clock.instant();
    for (int i = 0; i < 5; i++) {
      queue(sent("n" + i, "k" + i, t.plusMillis(i)));
    }
    List<Call> inFlight = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Call call = nextCall();
      assertThat(call.command()).startsWith("notify:id:n" + i + ":");
      inFlight.add(call);
    }
    Collections.reverse(inFlight);
    inFlight.forEach(c -> c.answer().complete("success"));
    for (int i = 0; i < 5; i++) {
      awaitStatus("n" + i, NotificationStatus.DELIVERED);
    }
    assertThat(counters.deliveredCount()).isEqualTo(5);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void anUnreachableRecipientIsRetriedOldestFirstUntilItAnswers() {
    outbox(NotificationConfig.builder());
    Instant t = clock.instant();
    queue(sent("a", "k", t));
    queue(sent("b", "k", t.plusMillis(1)));
    Call a = nextCall();
    Call b = nextCall();
    unreachable(a);
    unreachable(b);
    Call retry = nextCall();
    assertThat(retry.command()).as("the oldest alone first").startsWith("notify:id:a:");
    unreachable(retry);
    Call again = nextCall();
    assertThat(again.command()).startsWith("notify:id:a:");
    again.answer().complete("success");
    Call then = nextCall();
    assertThat(then.command()).startsWith("notify:id:b:");
    then.answer().complete("success");
    awaitStatus("a", NotificationStatus.DELIVERED);
    awaitStatus("b", NotificationStatus.DELIVERED);
    assertThat(counters.attemptCount()).isEqualTo(5);
  }

  @Test
  void permanentRefusalsAndUsedUpAttemptsAreErrored() {
    outbox(NotificationConfig.builder().maxAttempts(2));
    Instant t = clock.instant();
    queue(sent("unknown", "k", t));
    nextCall()
        .answer()
        .completeExceptionally(new AtException(AtErrorCode.SECONDARY_NOT_FOUND, "no such atSign"));
    awaitStatus("unknown", NotificationStatus.ERRORED);

    queue(sent("blocked", "k", t.plusMillis(1)));
    AtException blocked = new AtException(AtErrorCode.BLOCKED_CONNECTION, "Unable to connect");
    nextCall()
        .answer()
        .completeExceptionally(
            new AtException(AtErrorCode.HANDSHAKE_FAILURE, "refused the handshake", blocked));
    awaitStatus("blocked", NotificationStatus.ERRORED);

    queue(sent("flaky", "k", t.plusMillis(2)));
    unreachable(nextCall());
    unreachable(nextCall());
    awaitStatus("flaky", NotificationStatus.ERRORED);
    assertThat(counters.erroredCount()).isEqualTo(3);
  }

  @Test
  void strategyLatestSupersedesOlderWaitingOnesOfTheSameNotifier() {
    outbox(NotificationConfig.builder().retryMinDelay(Duration.ofSeconds(30)));
    Instant t = clock.instant();
    queue(sent("plain", "k", t));
    unreachable(nextCall()); // backing off now: what follows waits
    for (int i = 0; i < 4; i++) {
      queue(latest("l" + i, "app", 2, t.plusMillis(1 + i)));
    }
    awaitStatus("l0", NotificationStatus.EXPIRED);
    awaitStatus("l1", NotificationStatus.EXPIRED);
    assertThat(status("l2")).isEqualTo(NotificationStatus.QUEUED);
    assertThat(status("l3")).isEqualTo(NotificationStatus.QUEUED);
    assertThat(status("plain")).isEqualTo(NotificationStatus.QUEUED);
  }

  @Test
  void notificationsThatExpireWhileWaitingAreDropped() {
    outbox(NotificationConfig.builder());
    queue(sent("old", "k", clock.instant()));
    unreachable(nextCall());
    clock.advance(Duration.ofMinutes(2));
    Await.until(
        () -> {
          Call late = calls.poll(); // a retry that started before the clock moved
          if (late != null) {
            unreachable(late);
          }
          return counters.expiredCount() == 1;
        },
        "the expired notification dropped");
    assertThat(status("old")).isEqualTo(NotificationStatus.EXPIRED);
    assertThat(outbox.pendingCount()).isZero();
  }

  private static void unreachable(Call call) {
    call.answer().completeExceptionally(new AtException(AtErrorCode.UNABLE_TO_CONNECT, "refused"));
  }
}
