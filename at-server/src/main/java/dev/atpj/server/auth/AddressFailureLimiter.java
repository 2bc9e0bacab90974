package dev.atpj.server.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentication attempts per source address in a sliding window, shared by every connection
 * of one atServer (docs/protocol.md Part A §8). IPv6 addresses count by their /64 prefix, since one
 * host usually owns a whole /64. The state is bounded: at most {@code maxFailures} times per
 * address and at most {@code maxAddresses} addresses, the least recently seen forgotten first.
 * Thread-safe.
 */
public final class AddressFailureLimiter {
  private final int maxFailures;
  private final long windowMillis;
  private final Map<InetAddress, ArrayDeque<Long>> failures;

  /**
   * A limiter.
   *
   * @param maxFailures failures within the window after which an address is refused
   * @param window the sliding window
   * @param maxAddresses how many addresses are remembered at most
   */
  public AddressFailureLimiter(int maxFailures, Duration window, int maxAddresses) {
    if (maxFailures < 1 || maxAddresses < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxFailures = maxFailures;
    this.windowMillis = window.toMillis();
    this.failures =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<InetAddress, ArrayDeque<Long>> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /**
   * How long an address must wait before its next attempt is checked.
   *
   * @param address the source address
   * @param now the current time
   * @return empty when attempts are allowed, else the time until the oldest failure in the window
   *     leaves it
   */
  public synchronized Optional<Duration> blockedFor(InetAddress address, Instant now) {
    InetAddress key = keyOf(address);
    ArrayDeque<Long> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    long nowMillis = now.toEpochMilli();
    while (!times.isEmpty() && times.peekFirst() + windowMillis <= nowMillis) {
      times.pollFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (times.size() < maxFailures) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(times.peekFirst() + windowMillis - nowMillis));
  }

  /**
   * Records a failed attempt.
   *
   * @param address the source address
   * @param now the current time
   */
  public synchronized void recordFailure(InetAddress address, Instant now) {
    ArrayDeque<Long> times = failures.computeIfAbsent(keyOf(address), a -> new ArrayDeque<>());
    times.addLast(now.toEpochMilli());
    while (times.size() > maxFailures) {
      times.pollFirst();
    }
  }

  /** How many addresses are remembered now. */
  public synchronized int trackedAddresses() {
    return failures.size();
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
