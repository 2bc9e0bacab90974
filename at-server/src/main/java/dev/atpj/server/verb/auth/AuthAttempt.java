package dev.atpj.server.verb.auth;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.auth.AddressFailureLimiter;
import dev.atpj.server.auth.AuthLimits;
import dev.atpj.server.auth.Challenge;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.session.SessionKey;
import dev.atpj.server.verb.Reply;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code cram} or {@code pkam} attempt with the limits of {@link AuthLimits} applied: the
 * pending challenge is used up; a connection with earlier failures is answered after a delay
 * (scheduled, never blocking the event loop); an address over its limit is refused without
 * checking; success makes the connection the owner's; failure answers AT0401 and leaves the
 * connection open and unauthenticated, unless it reached its failure limit, when it is closed.
 */
public final class AuthAttempt {
  private static final SessionKey<Integer> FAILURES = new SessionKey<>("authFailures");
  private static final Reply SUCCESS = Reply.data("success");

  private final AtSign me;
  private final Clock clock;
  private final AddressFailureLimiter addressFailures;
  private final AuthLimits limits;

  /**
   * Built once, with the services it uses.
   *
   * @param me the atSign this server serves
   * @param clock the clock
   * @param addressFailures failed attempts per source address
   * @param limits the authentication limits
   */
  public AuthAttempt(
      AtSign me, Clock clock, AddressFailureLimiter addressFailures, AuthLimits limits) {
    this.me = me;
    this.clock = clock;
    this.addressFailures = addressFailures;
    this.limits = limits;
  }

  /**
   * Runs an attempt.
   *
   * @param session the connection
   * @param verifier checks the client's answer against the challenge text
   * @param failureDetail the AT0401 detail on failure; never contains the answer
   * @return {@code data:success}, or AT0401
   */
  CompletionStage<Reply> run(
      SessionContext session, Predicate<String> verifier, String failureDetail) {
    return run(session, verifier, failureDetail, new AuthState.Owner(me));
  }

  /**
   * Runs an attempt that, on success, puts the connection in the given state.
   *
   * @param session the connection
   * @param verifier checks the client's answer against the challenge text
   * @param failureDetail the AT0401 detail on failure; never contains the answer
   * @param success the state on success, e.g. an owner authenticated by an APKAM enrollment
   * @return {@code data:success}, or AT0401
   */
  CompletionStage<Reply> run(
      SessionContext session,
      Predicate<String> verifier,
      String failureDetail,
      AuthState.Owner success) {
    String challenge = Challenge.take(session, clock.instant());
    int failures = session.get(FAILURES).orElse(0);
    Duration delay = limits.delayAfter(failures);
    if (delay.isZero()) {
      return CompletableFuture.completedFuture(
          decide(session, challenge, verifier, failureDetail, success));
    }
    return CompletableFuture.supplyAsync(
        () -> decide(session, challenge, verifier, failureDetail, success),
        CompletableFuture.delayedExecutor(
            delay.toMillis(), TimeUnit.MILLISECONDS, session.connection().executor()));
  }

  /** The atSign this server serves. */
  AtSign atSign() {
    return me;
  }

  /**
   * Refuses an attempt this server cannot check (an unsupported algorithm): the challenge is used
   * up, but the attempt does not count as a failure.
   *
   * @param session the connection
   * @param detail why
   * @return the AT0401 to throw
   */
  static AtException refused(SessionContext session, String detail) {
    Challenge.clear(session);
    return new AtException(AtErrorCode.UNAUTHENTICATED, detail);
  }

  private Reply decide(
      SessionContext session,
      String challenge,
      Predicate<String> verifier,
      String failureDetail,
      AuthState.Owner success) {
    Instant now = clock.instant();
    InetAddress address = addressOf(session);
    Optional<Duration> blocked =
        address == null ? Optional.empty() : addressFailures.blockedFor(address, now);
    if (blocked.isPresent()) {
      countFailure(session);
      long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED,
          "too many failed authentication attempts, retry in " + seconds + "s");
    }
    if (challenge != null && verifier.test(challenge)) {
      session.put(FAILURES, null);
      if (address != null) {
        addressFailures.recordSuccess(address);
      }
      session.auth(success);
      return SUCCESS;
    }
    if (address != null) {
      addressFailures.recordFailure(address, now);
    }
    countFailure(session);
    throw new AtException(
        AtErrorCode.UNAUTHENTICATED,
        challenge == null
            ? failureDetail + " (no valid challenge: send from first)"
            : failureDetail);
  }

  private void countFailure(SessionContext session) {
    int failures = session.get(FAILURES).orElse(0) + 1;
    session.put(FAILURES, failures);
    if (failures >= limits.maxFailuresPerConnection()) {
      session.closeAfterReply();
    }
  }

  private static InetAddress addressOf(SessionContext session) {
    InetSocketAddress remote = session.connection().remoteAddress();
    return remote == null ? null : remote.getAddress();
  }
}
