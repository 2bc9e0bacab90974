package dev.atpj.server.enroll;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.EnrollOperation;
import dev.atpj.server.verb.Reply;
import java.util.concurrent.CompletionStage;

/**
 * {@code enroll:approve|deny|revoke|unrevoke|delete:{"enrollmentId":…}} (docs/protocol.md B15),
 * with the reference's transitions: pending → approved (storing the encrypted default keys the
 * approver sends) or denied; approved → revoked; revoked → approved; denied or revoked → deleted.
 * Anything else is AT0030; an unknown or expired enrollment is AT0028. Answers {@code
 * {"status":"<new status>","enrollmentId":"<id>"}} once durable; revoking also closes the
 * enrollment's open connections at once.
 */
final class EnrollDecisions {
  private final EnrollmentStore enrollments;
  private final EnrolledConnections connections;

  EnrollDecisions(EnrollmentStore enrollments, EnrolledConnections connections) {
    this.enrollments = enrollments;
    this.connections = connections;
  }

  CompletionStage<Reply> decide(EnrollOperation operation, EnrollParams params) {
    String id = params.requireEnrollmentId();
    Enrollment e =
        enrollments
            .find(id)
            .orElseThrow(
                () ->
                    new AtException(
                        AtErrorCode.ENROLLMENT_EXPIRED,
                        "enrollment_id: " + id + " is expired or invalid"));
    switch (operation) {
      case APPROVE:
        require(e, operation, EnrollmentStatus.PENDING);
        return change(e, EnrollmentStatus.APPROVED, DefaultKeys.of(params));
      case DENY:
        require(e, operation, EnrollmentStatus.PENDING);
        return change(e, EnrollmentStatus.DENIED, null);
      case REVOKE:
        require(e, operation, EnrollmentStatus.APPROVED);
        return change(e, EnrollmentStatus.REVOKED, null)
            .thenApply(
                reply -> {
                  connections.closeAll(e.id());
                  return reply;
                });
      case UNREVOKE:
        require(e, operation, EnrollmentStatus.REVOKED);
        return change(e, EnrollmentStatus.APPROVED, null);
      case DELETE:
        if (e.status() != EnrollmentStatus.DENIED && e.status() != EnrollmentStatus.REVOKED) {
          throw wrongState(e, operation, "denied or revoked");
        }
        return enrollments.delete(id).thenApply(done -> answer("deleted", id));
      default:
        throw new IllegalArgumentException(operation + " is not a decision");
    }
  }

  private CompletionStage<Reply> change(Enrollment e, EnrollmentStatus to, DefaultKeys keys) {
    return enrollments
        .save(e.withStatus(to), keys, false)
        .thenApply(done -> answer(to.wireName(), e.id()));
  }

  private static void require(Enrollment e, EnrollOperation operation, EnrollmentStatus needed) {
    if (e.status() != needed) {
      throw wrongState(e, operation, needed.wireName());
    }
  }

  private static AtException wrongState(Enrollment e, EnrollOperation operation, String needed) {
    return new AtException(
        AtErrorCode.INVALID_ENROLLMENT_STATUS,
        "Cannot "
            + operation.wireName()
            + " a "
            + e.status().wireName()
            + " enrollment. Only "
            + needed
            + " enrollments can be "
            + pastTense(operation));
  }

  private static String pastTense(EnrollOperation operation) {
    switch (operation) {
      case APPROVE:
        return "approved";
      case DENY:
        return "denied";
      case REVOKE:
        return "revoked";
      case UNREVOKE:
        return "unrevoked";
      default:
        return "deleted";
    }
  }

  static Reply answer(String status, String id) {
    var node = EnrollmentJson.object();
    node.put("status", status);
    node.put("enrollmentId", id);
    return Reply.data(node.toString());
  }
}
