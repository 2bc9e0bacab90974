package dev.atpj.client.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a client connects: which certificate authority it trusts, and how long it waits.
 *
 * @param trustedCa PEM file of the CA that signed the directory's and atServers' certificates (e.g.
 *     {@code ~/.atpj/pki/ca.pem} of {@code ./atp up}), or {@code null} for the JDK's default trust
 *     store (public atServers)
 * @param connectTimeout bound on a TCP connect plus TLS handshake
 * @param requestTimeout bound on waiting for the answer to one command
 * @param lookupAttempts how often the directory is asked before giving up (a fresh connection each
 *     time; the directory may not know a new atSign yet)
 * @param retryDelay pause between attempts
 * @param deadline when every call of the client must be over, whatever it waits for (directory
 *     lookups, connects, TLS handshakes, authentication, requests, retries), or {@code null} for
 *     none: a one-shot command sets it so that its timeout is a ceiling, not a per-step bound
 */
public record ClientOptions(
    Path trustedCa,
    Duration connectTimeout,
    Duration requestTimeout,
    int lookupAttempts,
    Duration retryDelay,
    Instant deadline) {

  /** Default {@link #connectTimeout()}: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default {@link #requestTimeout()}: 20 seconds (the slowest verb, {@code noop:5000}, fits). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /** Default {@link #lookupAttempts()}: 3. */
  public static final int DEFAULT_LOOKUP_ATTEMPTS = 3;

  /** Default {@link #retryDelay()}: 500 milliseconds. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(500);

  /** Validates the settings. */
  public ClientOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (!isPositive(connectTimeout) || !isPositive(requestTimeout)) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must not be negative");
    }
    if (lookupAttempts < 1) {
      throw new IllegalArgumentException("lookupAttempts must be at least 1");
    }
  }

  /** Every default; trusts the JDK's default trust store. */
  public static ClientOptions defaults() {
    return new ClientOptions(
        null,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_LOOKUP_ATTEMPTS,
        DEFAULT_RETRY_DELAY,
        null);
  }

  /**
   * A copy trusting another CA.
   *
   * @param caFile PEM file of the CA, or {@code null} for the JDK's default trust store
   * @return the copy
   */
  public ClientOptions withTrustedCa(Path caFile) {
    return new ClientOptions(
        caFile, connectTimeout, requestTimeout, lookupAttempts, retryDelay, deadline);
  }

  /**
   * A copy with other timeouts.
   *
   * @param connect bound on connect plus handshake
   * @param request bound on one answer
   * @return the copy
   */
  public ClientOptions withTimeouts(Duration connect, Duration request) {
    return new ClientOptions(trustedCa, connect, request, lookupAttempts, retryDelay, deadline);
  }

  /**
   * A copy with another retry policy.
   *
   * @param attempts how often the directory is asked
   * @param delay pause between attempts
   * @return the copy
   */
  public ClientOptions withRetries(int attempts, Duration delay) {
    return new ClientOptions(trustedCa, connectTimeout, requestTimeout, attempts, delay, deadline);
  }

  /**
   * A copy whose calls all end by a deadline.
   *
   * @param when the deadline, or null for none
   * @return the copy
   */
  public ClientOptions withDeadline(Instant when) {
    return new ClientOptions(
        trustedCa, connectTimeout, requestTimeout, lookupAttempts, retryDelay, when);
  }

  /**
   * How long one step may wait: its own bound, cut to the time left before the {@link #deadline()}.
   *
   * @param step the step's own bound (e.g. {@link #requestTimeout()})
   * @return the shorter of the two, at least one millisecond
   */
  public Duration within(Duration step) {
    if (deadline == null) {
      return step;
    }
    Duration left = Duration.between(Instant.now(), deadline);
    Duration bound = left.compareTo(step) < 0 ? left : step;
    return bound.compareTo(ONE_MILLI) < 0 ? ONE_MILLI : bound;
  }

  /** Whether the {@link #deadline()} has passed (never, without one). */
  public boolean pastDeadline() {
    return deadline != null && !Instant.now().isBefore(deadline);
  }

  private static final Duration ONE_MILLI = Duration.ofMillis(1);

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
