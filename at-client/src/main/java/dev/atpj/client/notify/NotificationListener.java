package dev.atpj.client.notify;

/** Receives the notifications of a {@link Subscription}, one at a time, in arrival order. */
@FunctionalInterface
public interface NotificationListener {
  /**
   * Called for each notification, once per id. An exception thrown here is logged and the
   * subscription goes on.
   *
   * @param notification the notification
   */
  void onNotification(AtNotification notification);
}
