package dev.atpj.server.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentication attempts of one atSign, shared by every connection of its atServer
 * (docs/protocol.md Part A §8), limited two ways:
 *
 * <ul>
 *   <li><b>Per source address</b> (IPv6 by its /64 prefix, since one host usually owns a whole
 *       /64): after {@code freeFailures} failures the address backs off exponentially: it must wait
 *       {@link #FIRST_BACKOFF}, then twice as long after each further failure, up to {@code
 *       window}; attempts while it waits are refused unchecked and do not lengthen the wait. An
 *       address without failures for {@code window} is forgotten; a success forgets it at once.
 *   <li><b>Per atSign</b>: checked failures draw on a budget of {@code globalBurst} that refills at
 *       {@code globalPerMinute}. While it is empty, addresses that have failed before are refused
 *       unchecked, so rotating connections or addresses buys no more guesses; an address without
 *       failures is still checked, so the owner's correct answer from a clean address gets in.
 * </ul>
 *
 * <p>The state is bounded: at most {@code maxAddresses} addresses, the least recently seen
 * forgotten first. Thread-safe.
 */
public final class AddressFailureLimiter {
  /** The first wait of an address past its free failures. */
  public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private static final class Failures {
    int count;
    long lastMillis;
    long blockedUntilMillis;
  }

  private final int freeFailures;
  private final long windowMillis;
  private final Map<InetAddress, Failures> failures;
  private final double globalBurst;
  private final double refillPerMilli;
  private double tokens;
  private long refilledAtMillis = Long.MIN_VALUE;

  /**
   * A limiter.
   *
   * @param freeFailures failures of an address before it backs off
   * @param window the longest backoff, and how long a quiet address is remembered
   * @param maxAddresses how many addresses are remembered at most
   * @param globalBurst checked failures of the atSign allowed at once
   * @param globalPerMinute how fast that budget refills
   */
  public AddressFailureLimiter(
      int freeFailures, Duration window, int maxAddresses, int globalBurst, int globalPerMinute) {
    if (freeFailures < 1
        || maxAddresses < 1
        || window.isZero()
        || window.isNegative()
        || globalBurst < 1
        || globalPerMinute < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.freeFailures = freeFailures;
    this.windowMillis = window.toMillis();
    this.globalBurst = globalBurst;
    this.refillPerMilli = globalPerMinute / 60_000.0;
    this.tokens = globalBurst;
    this.failures =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /**
   * How long an address must wait before its next attempt is checked.
   *
   * @param address the source address
   * @param now the current time
   * @return empty when the attempt may be checked, else how long to wait
   */
  public synchronized Optional<Duration> blockedFor(InetAddress address, Instant now) {
    long nowMillis = now.toEpochMilli();
    Failures f = current(keyOf(address), nowMillis);
    if (f == null) {
      return Optional.empty();
    }
    if (nowMillis < f.blockedUntilMillis) {
      return Optional.of(Duration.ofMillis(f.blockedUntilMillis - nowMillis));
    }
    refill(nowMillis);
    if (tokens < 1) {
      return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / refillPerMilli)));
    }
    return Optional.empty();
  }

  /**
   * Records a checked attempt that failed.
   *
   * @param address the source address
   * @param now the current time
   */
  public synchronized void recordFailure(InetAddress address, Instant now) {
    long nowMillis = now.toEpochMilli();
    refill(nowMillis);
    tokens = Math.max(0, tokens - 1);
    InetAddress key = keyOf(address);
    Failures f = current(key, nowMillis);
    if (f == null) {
      f = new Failures();
      failures.put(key, f);
    }
    f.count++;
    f.lastMillis = nowMillis;
    int over = f.count - freeFailures;
    if (over >= 0) {
      long backoff = FIRST_BACKOFF.toMillis() << Math.min(over, 40);
      f.blockedUntilMillis = nowMillis + Math.min(backoff, windowMillis);
    }
  }

  /**
   * Records a success: the address is forgotten.
   *
   * @param address the source address
   */
  public synchronized void recordSuccess(InetAddress address) {
    failures.remove(keyOf(address));
  }

  /** How many addresses are remembered now. */
  public synchronized int trackedAddresses() {
    return failures.size();
  }

  private Failures current(InetAddress key, long nowMillis) {
    Failures f = failures.get(key);
    if (f != null
        && nowMillis >= f.blockedUntilMillis
        && nowMillis - f.lastMillis >= windowMillis) {
      failures.remove(key);
      return null;
    }
    return f;
  }

  private void refill(long nowMillis) {
    if (refilledAtMillis != Long.MIN_VALUE && nowMillis > refilledAtMillis) {
      tokens = Math.min(globalBurst, tokens + (nowMillis - refilledAtMillis) * refillPerMilli);
    }
    refilledAtMillis = Math.max(refilledAtMillis, nowMillis);
  }

  static InetAddress keyOf(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] bytes = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(bytes, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return address; // cannot happen for 16 bytes
    }
  }
}
