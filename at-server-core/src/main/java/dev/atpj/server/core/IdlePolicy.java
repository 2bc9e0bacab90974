package dev.atpj.server.core;

import java.time.Duration;

/** How long a connection may stay silent before the server closes it. */
@FunctionalInterface
public interface IdlePolicy {
  /**
   * The longest allowed silence.
   *
   * @param authenticated whether the connection is authenticated
   * @param activeConnections connections open on the server now
   * @param maxConnections the server's connection limit
   * @return the allowed idle time
   */
  Duration maxIdle(boolean authenticated, int activeConnections, int maxConnections);

  /**
   * The same allowed idle time for every connection.
   *
   * @param idle the allowed idle time
   * @return the policy
   */
  static IdlePolicy fixed(Duration idle) {
    return (authenticated, active, max) -> idle;
  }
}
