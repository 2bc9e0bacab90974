package dev.atpj.server.enroll;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Enroll;
import dev.atpj.protocol.command.EnrollOperation;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code enroll:<operation>[:]<json>} (docs/protocol.md B15). {@code request} is open to anyone
 * (see {@link EnrollRequests}); every other operation needs the owner: {@code list} and {@code
 * fetch} any owner (an enrollment without {@code __manage} sees only itself), {@code approve},
 * {@code deny}, {@code revoke}, {@code unrevoke} and {@code delete} an owner authenticated by CRAM,
 * legacy PKAM or an enrollment with {@code __manage} access (see {@link EnrollDecisions}).
 */
public final class EnrollHandler implements VerbHandler<Enroll> {
  private final EnrollRequests requests;
  private final EnrollDecisions decisions;
  private final EnrollmentStore enrollments;

  /**
   * A handler.
   *
   * @param apkam the APKAM services of this atServer
   */
  public EnrollHandler(Apkam apkam) {
    this.enrollments = apkam.enrollments();
    this.requests = new EnrollRequests(apkam);
    this.decisions = new EnrollDecisions(apkam.enrollments(), apkam.connections());
  }

  @Override
  public Class<Enroll> commandType() {
    return Enroll.class;
  }

  @Override
  public CompletionStage<Reply> handle(Enroll command, SessionContext session) {
    EnrollOperation operation = command.operation();
    EnrollParams params = EnrollParams.parse(command.params());
    if (operation == EnrollOperation.REQUEST) {
      return requests.request(params, session);
    }
    if (!(session.auth() instanceof AuthState.Owner owner)) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED,
          "Cannot " + operation.wireName() + " enrollment without authentication");
    }
    Enrollment own = owner.enrollmentId() == null ? null : ownEnrollment(owner.enrollmentId());
    boolean manages = own == null || own.manages();
    switch (operation) {
      case LIST:
        return done(EnrollQueries.list(enrollments, params, manages ? null : own));
      case FETCH:
        return done(EnrollQueries.fetch(enrollments, params, manages ? null : own));
      default:
        if (!manages) {
          throw new AtException(
              AtErrorCode.UNAUTHORIZED,
              "enrollment "
                  + own.id()
                  + " has no __manage access: it cannot "
                  + operation.wireName()
                  + " enrollments");
        }
        if (operation == EnrollOperation.REVOKE
            && params.requireEnrollmentId().equals(owner.enrollmentId())) {
          throw new AtException(
              AtErrorCode.ILLEGAL_ARGUMENTS,
              "Current client cannot revoke its own enrollment; revoke it from another client");
        }
        return decisions.decide(operation, params);
    }
  }

  /** The connection's own enrollment; gone (expired or deleted) means it manages nothing. */
  private Enrollment ownEnrollment(String id) {
    return enrollments
        .find(id)
        .orElseThrow(
            () ->
                new AtException(
                    AtErrorCode.ENROLLMENT_EXPIRED,
                    "enrollment_id: " + id + " is expired or invalid"));
  }

  private static CompletionStage<Reply> done(String json) {
    return CompletableFuture.completedFuture(Reply.data(json));
  }
}
