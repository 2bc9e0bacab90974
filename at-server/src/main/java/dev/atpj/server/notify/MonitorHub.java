package dev.atpj.server.notify;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code monitor} connections of one atServer: every received notification goes to each that
 * wants it, rendered at most once. Thread-safe; publishing never blocks and never matches a regex
 * on the caller's thread (each subscription filters on its own serial executor).
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
    Supplier<String> line = new RenderedOnce(() -> lines.apply(n));
    for (MonitorSubscription s : subscriptions) {
      if (s.isClosed()) {
        subscriptions.remove(s);
        continue;
      }
      s.offer(n, line);
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

  /** A line rendered by the first subscription that wants it, shared by the others. */
  private static final class RenderedOnce implements Supplier<String> {
    private final Supplier<String> render;
    private volatile String line;

    RenderedOnce(Supplier<String> render) {
      this.render = render;
    }

    @Override
    public String get() {
      String rendered = line;
      if (rendered == null) {
        synchronized (this) {
          rendered = line;
          if (rendered == null) {
            rendered = render.get();
            line = rendered;
          }
        }
      }
      return rendered;
    }
  }
}
