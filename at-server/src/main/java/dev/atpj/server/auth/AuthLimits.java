package dev.atpj.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How an atServer slows down and stops guessing at {@code cram} and {@code pkam} (docs/protocol.md
 * Part A §8; the reference has no such limits). Two independent limits apply:
 *
 * <ul>
 *   <li><b>Per connection</b>: the first {@link #freeFailuresPerConnection()} failures are answered
 *       at once; each further attempt is answered only after a delay that starts at {@link
 *       #firstDelay()} and doubles up to {@link #maxDelay()} (the event loop is never blocked);
 *       after {@link #maxFailuresPerConnection()} failures the connection is closed.
 *   <li><b>Per source address</b> (IPv6 by /64 prefix), shared by every connection of the server:
 *       after {@link #maxFailuresPerAddress()} failures the address backs off exponentially (1 s,
 *       doubling after each further failure, up to {@link #addressWindow()}); attempts while it
 *       waits are refused with AT0401 without being checked. An address quiet for the window is
 *       forgotten, a success forgets it. At most {@link #maxTrackedAddresses()} addresses are
 *       remembered; the least recently seen is forgotten first, so the state stays bounded.
 *   <li><b>Per atSign</b>: checked failures draw on a budget of {@link #globalFailureBurst()}
 *       refilled at {@link #globalFailuresPerMinute()}; while it is empty, addresses that failed
 *       before are refused unchecked, and addresses without failures are still checked (the owner
 *       on a clean address is never locked out).
 * </ul>
 *
 * @param freeFailuresPerConnection failures on one connection answered without delay
 * @param firstDelay delay of the first delayed attempt
 * @param maxDelay longest delay
 * @param maxFailuresPerConnection failures after which the connection is closed
 * @param maxFailuresPerAddress failures from one address before it backs off
 * @param addressWindow the longest backoff of an address, and how long a quiet one is remembered
 * @param maxTrackedAddresses how many addresses are remembered at most
 * @param globalFailureBurst checked failures of the atSign allowed at once
 * @param globalFailuresPerMinute how fast that budget refills
 */
public record AuthLimits(
    int freeFailuresPerConnection,
    Duration firstDelay,
    Duration maxDelay,
    int maxFailuresPerConnection,
    int maxFailuresPerAddress,
    Duration addressWindow,
    int maxTrackedAddresses,
    int globalFailureBurst,
    int globalFailuresPerMinute) {

  /** Default {@link #freeFailuresPerConnection()}. */
  public static final int DEFAULT_FREE_FAILURES_PER_CONNECTION = 3;

  /** Default {@link #firstDelay()}. */
  public static final Duration DEFAULT_FIRST_DELAY = Duration.ofSeconds(1);

  /** Default {@link #maxDelay()}. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(16);

  /** Default {@link #maxFailuresPerConnection()}. */
  public static final int DEFAULT_MAX_FAILURES_PER_CONNECTION = 10;

  /** Default {@link #maxFailuresPerAddress()}. */
  public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 30;

  /** Default {@link #addressWindow()}. */
  public static final Duration DEFAULT_ADDRESS_WINDOW = Duration.ofMinutes(10);

  /** Default {@link #maxTrackedAddresses()}. */
  public static final int DEFAULT_MAX_TRACKED_ADDRESSES = 10_000;

  /** Default {@link #globalFailureBurst()}. */
  public static final int DEFAULT_GLOBAL_FAILURE_BURST = 100;

  /** Default {@link #globalFailuresPerMinute()}. */
  public static final int DEFAULT_GLOBAL_FAILURES_PER_MINUTE = 60;

  /** The defaults. */
  public static final AuthLimits DEFAULT =
      new AuthLimits(
          DEFAULT_FREE_FAILURES_PER_CONNECTION,
          DEFAULT_FIRST_DELAY,
          DEFAULT_MAX_DELAY,
          DEFAULT_MAX_FAILURES_PER_CONNECTION,
          DEFAULT_MAX_FAILURES_PER_ADDRESS,
          DEFAULT_ADDRESS_WINDOW,
          DEFAULT_MAX_TRACKED_ADDRESSES,
          DEFAULT_GLOBAL_FAILURE_BURST,
          DEFAULT_GLOBAL_FAILURES_PER_MINUTE);

  /** Validates the settings. */
  public AuthLimits {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(addressWindow, "addressWindow");
    if (freeFailuresPerConnection < 0) {
      throw new IllegalArgumentException("freeFailuresPerConnection must be >= 0");
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
    }
    if (maxFailuresPerConnection < 1
        || maxFailuresPerAddress < 1
        || maxTrackedAddresses < 1
        || globalFailureBurst < 1
        || globalFailuresPerMinute < 1) {
      throw new IllegalArgumentException("failure limits and the address cap must be positive");
    }
    if (addressWindow.isZero() || addressWindow.isNegative()) {
      throw new IllegalArgumentException("addressWindow must be positive");
    }
  }

  /**
   * The delay before answering an attempt on a connection that already failed this often.
   *
   * @param failuresSoFar failures on the connection before this attempt
   * @return zero for the first {@link #freeFailuresPerConnection()}, then doubling from {@link
   *     #firstDelay()} up to {@link #maxDelay()}
   */
  public Duration delayAfter(int failuresSoFar) {
    int over = failuresSoFar - freeFailuresPerConnection;
    if (over < 0 || firstDelay.isZero()) {
      return Duration.ZERO;
    }
    Duration delay = firstDelay;
    for (int i = 0; i < over && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** A copy with other per-connection settings. */
  public AuthLimits withPerConnection(
      int freeFailures, Duration firstDelay, Duration maxDelay, int maxFailures) {
    return new AuthLimits(
        freeFailures,
        firstDelay,
        maxDelay,
        maxFailures,
        maxFailuresPerAddress,
        addressWindow,
        maxTrackedAddresses,
        globalFailureBurst,
        globalFailuresPerMinute);
  }

  /** A copy with other per-address settings. */
  public AuthLimits withPerAddress(int maxFailures, Duration window, int maxAddresses) {
    return new AuthLimits(
        freeFailuresPerConnection,
        firstDelay,
        maxDelay,
        maxFailuresPerConnection,
        maxFailures,
        window,
        maxAddresses,
        globalFailureBurst,
        globalFailuresPerMinute);
  }

  /** A copy with another per-atSign budget of failures. */
  public AuthLimits withGlobal(int burst, int perMinute) {
    return new AuthLimits(
        freeFailuresPerConnection,
        firstDelay,
        maxDelay,
        maxFailuresPerConnection,
        maxFailuresPerAddress,
        addressWindow,
        maxTrackedAddresses,
        burst,
        perMinute);
  }
}
