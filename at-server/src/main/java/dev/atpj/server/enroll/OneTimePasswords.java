package dev.atpj.server.enroll;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-time passwords {@code otp:get} hands out (docs/protocol.md B15): six characters from
 * {@code A–Z} and {@code 1–9} without {@code O} and {@code 0}, at least one a digit (as the
 * reference's), each valid once and for a short time. Kept in memory: an atServer restart voids
 * them, like their five-minute lifetime would. Thread-safe.
 */
public final class OneTimePasswords {
  /** How long a password lives when the request names no ttl (the reference's 5 minutes). */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  /** Most passwords alive at once; issuing more first drops the oldest. */
  static final int MAX_LIVE = 1000;

  private static final String ALPHABET = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789";
  private static final int LENGTH = 6;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> live = new HashMap<>();

  /**
   * Passwords judged by a clock.
   *
   * @param clock the clock
   */
  public OneTimePasswords(Clock clock) {
    this.clock = clock;
  }

  /**
   * Issues a new password.
   *
   * @param lifetime how long it may be used
   * @return the password
   */
  public synchronized String issue(Duration lifetime) {
    Instant now = clock.instant();
    live.values().removeIf(expiry -> !now.isBefore(expiry));
    if (live.size() >= MAX_LIVE) {
      live.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> live.remove(oldest.getKey()));
    }
    String password;
    do {
      password = generate();
    } while (live.containsKey(password));
    live.put(password, now.plus(lifetime));
    return password;
  }

  /**
   * Uses a password up.
   *
   * @param password what the client sent, may be null
   * @return true when it was issued, unused and not expired; it is void from now on
   */
  public synchronized boolean use(String password) {
    if (password == null) {
      return false;
    }
    Instant expiry = live.remove(password);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private String generate() {
    while (true) {
      StringBuilder out = new StringBuilder(LENGTH);
      boolean digit = false;
      for (int i = 0; i < LENGTH; i++) {
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        digit |= Character.isDigit(c);
        out.append(c);
      }
      if (digit) {
        return out.toString();
      }
    }
  }
}
