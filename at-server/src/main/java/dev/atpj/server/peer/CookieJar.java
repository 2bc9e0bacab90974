package dev.atpj.server.peer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proofs this atServer places for its own {@code pol} handshakes (docs/protocol.md B5 step 4):
 * the signed proof under {@code public:<sessionId>@me}, readable by the other atServer's
 * unauthenticated {@code lookup} for {@link #LIFETIME}. They are kept in memory only, never written
 * to storage: they are uncommitted, short-lived data, and a durable write would cost every
 * handshake a disk sync. Thread-safe.
 */
public final class CookieJar {
  /** How long a cookie can be read, as the reference's 60 s TTL. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  private static final int SWEEP_ABOVE = 1024;

  private final Clock clock;
  private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

  private record Cookie(String value, Instant expiresAt) {}

  /**
   * A jar.
   *
   * @param clock the server's clock
   */
  public CookieJar(Clock clock) {
    this.clock = clock;
  }

  /**
   * Places a cookie.
   *
   * @param entity the hidden key name without owner, e.g. {@code _4af2…}
   * @param value the signed proof
   */
  public void put(String entity, String value) {
    Instant now = clock.instant();
    if (cookies.size() > SWEEP_ABOVE) {
      cookies.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    }
    cookies.put(entity, new Cookie(value, now.plus(LIFETIME)));
  }

  /**
   * Reads a cookie that has not expired.
   *
   * @param entity the hidden key name without owner
   * @return the value, or empty
   */
  public Optional<String> find(String entity) {
    Cookie cookie = cookies.get(entity);
    if (cookie == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(cookie.expiresAt())) {
      cookies.remove(entity, cookie);
      return Optional.empty();
    }
    return Optional.of(cookie.value());
  }

  /**
   * Removes a cookie once its handshake is over.
   *
   * @param entity the hidden key name without owner
   */
  public void remove(String entity) {
    cookies.remove(entity);
  }

  /** How many cookies are held (expired ones included until swept). */
  public int size() {
    return cookies.size();
  }
}
