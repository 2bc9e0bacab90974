package dev.atpj.server.auth;

import dev.atpj.server.session.SessionContext;
import dev.atpj.server.session.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The challenge a {@code from} of the server's own atSign issued, {@code
 * <sessionId><atSign>:<proof>} (docs/protocol.md B5). It is kept in the connection's state (not in
 * storage), lives {@link #LIFETIME}, and is used at most once: {@link #take} removes it.
 *
 * @param text the challenge as sent after {@code data:}
 * @param expiresAt when it stops being accepted
 */
public record Challenge(String text, Instant expiresAt) {
  /** How long a challenge is accepted, as the reference's 60 s TTL. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  private static final SessionKey<Challenge> KEY = new SessionKey<>("challenge");

  /** Validates. */
  public Challenge {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Issues a challenge on a connection, replacing any pending one.
   *
   * @param session the connection
   * @param text the challenge text
   * @param now the current time
   */
  public static void issue(SessionContext session, String text, Instant now) {
    session.put(KEY, new Challenge(text, now.plus(LIFETIME)));
  }

  /**
   * Removes the pending challenge and returns it if it is still valid.
   *
   * @param session the connection
   * @param now the current time
   * @return the challenge text, or null when none is pending or it expired
   */
  public static String take(SessionContext session, Instant now) {
    Challenge challenge = session.get(KEY).orElse(null);
    session.put(KEY, null);
    return challenge == null || !now.isBefore(challenge.expiresAt) ? null : challenge.text;
  }

  /**
   * Drops any pending challenge.
   *
   * @param session the connection
   */
  public static void clear(SessionContext session) {
    session.put(KEY, null);
  }
}
