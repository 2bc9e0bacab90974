package dev.atpj.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.server.core.Connection;
import dev.atpj.store.memory.InMemoryAtStore;
import dev.atpj.testing.MutableClock;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Replay and live delivery on one monitor, on a hand-driven event loop: every notification is
 * written once, whether the replay or the live stream (or both) bring it, in order.
 */
class MonitorSubscriptionTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final InMemoryAtStore store = new InMemoryAtStore(clock);
  private final NotificationLog log = new NotificationLog(store.notifications(), clock);
  private final FakeConnection connection = new FakeConnection();
  private final MonitorSubscription subscription =
      new MonitorSubscription(connection, null, true, false, connection.executor());

  private Notification received(String id) {
    Notification n = NotificationsForTests.sent(id, "k", log.nextTime());
    return NotificationsForTests.received(n, n.value(), n.metadata());
  }

  private Notification stored(String id) {
    Notification n = received(id);
    log.put(n).join();
    return n;
  }

  private void replayFromStart(List<Notification> inFlight) {
    subscription.holdLiveForReplay();
    subscription.replay(0, log, inFlight, clock, n -> n.id());
  }

  @Test
  void aNotificationReplayedAndThenOfferedLiveIsWrittenOnce() {
    Notification first = stored("first");
    Notification pending = received("pending");
    replayFromStart(List.of(pending));
    connection.runAll();
    subscription.offer(first, () -> "first"); // its push was still on its way
    subscription.offer(pending, () -> "pending");
    Notification later = received("later");
    subscription.offer(later, () -> "later");
    connection.runAll();
    assertThat(connection.lines).containsExactly("first", "pending", "later");
  }

  @Test
  void liveNotificationsDuringALongReplayFollowItOnceEach() {
    List<Notification> all = new ArrayList<>();
    for (int i = 0; i < MonitorSubscription.REPLAY_CHUNK + 10; i++) {
      all.add(stored("s" + i));
    }
    replayFromStart(List.of());
    Notification tail = all.get(all.size() - 1);
    subscription.offer(tail, tail::id); // offered live while the second chunk is pending
    Notification live = received("live");
    subscription.offer(live, () -> "live");
    connection.runAll();
    List<String> expected = new ArrayList<>();
    all.forEach(n -> expected.add(n.id()));
    expected.add("live");
    assertThat(connection.lines).isEqualTo(expected);
  }

  @Test
  void notificationsNotNewerThanEpochMillisOrExpiredAreNotReplayed() {
    Notification old = stored("old");
    stored("newer");
    subscription.holdLiveForReplay();
    subscription.replay(old.createdAt().toEpochMilli(), log, List.of(), clock, n -> n.id());
    connection.runAll();
    assertThat(connection.lines).containsExactly("newer");
    clock.advance(Duration.ofMinutes(5));
    MonitorSubscription later =
        new MonitorSubscription(connection, null, true, false, connection.executor());
    later.holdLiveForReplay();
    later.replay(0, log, List.of(), clock, n -> n.id());
    connection.runAll();
    assertThat(connection.lines).as("expired by now").containsExactly("newer");
  }

  /** A connection whose event loop the test runs by hand. */
  private static final class FakeConnection implements Connection {
    final List<String> lines = new ArrayList<>();
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    void runAll() {
      for (Runnable task; (task = tasks.poll()) != null; ) {
        task.run();
      }
    }

    @Override
    public String id() {
      return "fake";
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public Instant openedAt() {
      return Instant.EPOCH;
    }

    @Override
    public List<X509Certificate> peerCertificates() {
      return List.of();
    }

    @Override
    public void push(String text) {
      lines.add(text);
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}

    @Override
    public Executor executor() {
      return tasks::add;
    }
  }
}
