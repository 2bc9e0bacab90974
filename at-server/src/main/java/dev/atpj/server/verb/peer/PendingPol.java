package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.session.SessionKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The proof a {@code from:<other atSign>} issued, waiting for {@code pol} (docs/protocol.md B5).
 * Kept in the connection's state, not in storage; lives {@link #LIFETIME} and is used at most once.
 *
 * @param atSign the atSign the connection claims
 * @param proof the random proof its atServer must sign
 * @param expiresAt when it stops being accepted
 */
record PendingPol(AtSign atSign, String proof, Instant expiresAt) {
  /** How long a proof is accepted, as the reference's 60 s TTL. */
  static final Duration LIFETIME = Duration.ofSeconds(60);

  private static final SessionKey<PendingPol> KEY = new SessionKey<>("pendingPol");

  /** Issues a proof on a connection, replacing any pending one. */
  static void issue(SessionContext session, AtSign atSign, String proof, Instant now) {
    session.put(KEY, new PendingPol(atSign, proof, now.plus(LIFETIME)));
  }

  /** Removes the pending proof and returns it if still valid, else null. */
  static PendingPol take(SessionContext session, Instant now) {
    PendingPol pending = session.get(KEY).orElse(null);
    session.put(KEY, null);
    return pending == null || !now.isBefore(pending.expiresAt()) ? null : pending;
  }

  /** Drops any pending proof. */
  static void clear(SessionContext session) {
    session.put(KEY, null);
  }
}
