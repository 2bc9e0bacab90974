package dev.atpj.client.notify;

/**
 * Told when a {@link Subscription}'s monitor connection is lost and when it is back, so that a
 * program can say so while no notifications can arrive. Called on the subscription's own thread;
 * keep it short.
 */
public interface ConnectionListener {
  /** Ignores both events. */
  ConnectionListener NONE = new ConnectionListener() {};

  /**
   * The monitor connection was lost (the atServer closed it, or it stopped answering heartbeats);
   * the subscription keeps trying to reconnect.
   *
   * @param address the atServer's address, {@code host:port}
   */
  default void onLost(String address) {}

  /**
   * The monitor connection is back; notifications sent meanwhile are replayed.
   *
   * @param address the atServer's address, {@code host:port}
   */
  default void onRestored(String address) {}
}
