package dev.atpj.server.data;

/**
 * Told about every committed change a client makes through {@code update}, {@code update:meta} and
 * {@code delete}, once it is durable. This is where auto-notification of shared keys
 * (docs/protocol.md B7) attaches. Listeners run on a storage commit thread: they must be quick and
 * must not block; hand longer work to an executor of your own. An exception a listener throws is
 * logged and does not affect the client's reply.
 */
@FunctionalInterface
public interface KeyChangeListener {
  /**
   * Called after a committed change.
   *
   * @param change the change
   */
  void onChange(KeyChange change);
}
