package dev.atpj.server.notify;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The {@code monitor} connections of one atServer: every received notification goes to each that
 * wants it, rendered once. Thread-safe; publishing never blocks (each connection writes on its own
 * event loop).
 */
final class MonitorHub {
  private final CopyOnWriteArrayList<MonitorSubscription> subscriptions =
      new CopyOnWriteArrayList<>();
  private final Function<Notification, String> lines;

  /**
   * A hub.
   *
   * @param lines renders a notification as its line, {@code notification: {json}\n}
   */
  MonitorHub(Function<Notification, String> lines) {
    this.lines = lines;
  }

  void add(MonitorSubscription subscription) {
    subscriptions.add(subscription);
  }

  void remove(MonitorSubscription subscription) {
    subscription.close();
    subscriptions.remove(subscription);
  }

  /** Monitor connections now. */
  int size() {
    return subscriptions.size();
  }

  /** Whether any monitor shows stats notifications. */
  boolean wantsStats() {
    for (MonitorSubscription s : subscriptions) {
      if (s.wantsStats()) {
        return true;
      }
    }
    return false;
  }

  /** Sends a received (or self) notification to every monitor that wants it. */
  void publish(Notification n) {
    String line = null;
    for (MonitorSubscription s : subscriptions) {
      if (s.isClosed()) {
        subscriptions.remove(s);
        continue;
      }
      if (s.wants(n)) {
        if (line == null) {
          line = lines.apply(n);
        }
        s.offer(n, line);
      }
    }
  }

  /** Sends a stats notification line to every monitor not in strict mode. */
  void publishStats(String line) {
    for (MonitorSubscription s : subscriptions) {
      s.offerStats(line);
    }
  }

  /** Stops every monitor (the server is stopping). */
  void close() {
    for (MonitorSubscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
  }
}
