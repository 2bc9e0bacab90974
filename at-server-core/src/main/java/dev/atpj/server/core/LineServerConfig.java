package dev.atpj.server.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a TLS line server listens.
 *
 * @param bindHost the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port, 0 for any free port
 * @param maxLineBytes the longest line accepted from an authenticated connection, in bytes (before
 *     authentication at most {@link #UNAUTHENTICATED_MAX_LINE_BYTES})
 * @param maxConnections connections accepted at once; the next one is rejected
 * @param idlePolicy how long silent connections may stay
 * @param idleSweepInterval how often silent connections are looked for
 * @param handshakeTimeout how long a TLS handshake may take
 */
public record LineServerConfig(
    String bindHost,
    int port,
    int maxLineBytes,
    int maxConnections,
    IdlePolicy idlePolicy,
    Duration idleSweepInterval,
    Duration handshakeTimeout) {

  /**
   * The longest line a connection may send before it has authenticated, in bytes: what it may send
   * then is short ({@code from}, {@code cram}, {@code pkam} with its options and a 4096-bit
   * signature, {@code pol}, lookups and scans of public data with a regex of at most 1024
   * characters, {@code info}, {@code noop}, an {@code enroll:request} JSON). {@link #maxLineBytes}
   * applies once it has authenticated.
   */
  public static final int UNAUTHENTICATED_MAX_LINE_BYTES = 8 * 1024;

  /** Default interval of the idle sweep. */
  public static final Duration DEFAULT_IDLE_SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** Default TLS handshake timeout. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  /** The longest line accepted before authentication: the smaller of the two limits. */
  public int unauthenticatedMaxLineBytes() {
    return Math.min(maxLineBytes, UNAUTHENTICATED_MAX_LINE_BYTES);
  }

  /** Validates the settings. */
  public LineServerConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(idlePolicy, "idlePolicy");
    Objects.requireNonNull(idleSweepInterval, "idleSweepInterval");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
    if (idleSweepInterval.isNegative() || idleSweepInterval.isZero()) {
      throw new IllegalArgumentException("idleSweepInterval must be positive");
    }
  }
}
