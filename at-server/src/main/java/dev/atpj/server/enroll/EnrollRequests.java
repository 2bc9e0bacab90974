package dev.atpj.server.enroll;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code enroll:request} (docs/protocol.md B15). On a connection authenticated by CRAM the request
 * is approved at once with {@code __manage} and {@code *} read-write access added, its encrypted
 * default keys are stored, its APKAM key also becomes the legacy PKAM key, and the connection
 * counts as that enrollment from now on: this is how every onboarding works. On a connection of an
 * enrollment with {@code __manage} access it is approved at once as asked. Otherwise it is pending:
 * an unauthenticated connection must bring a valid one-time password (used up, AT0022 otherwise),
 * the request expires after {@link Apkam#pendingLifetime()}, and the approvers' monitors get the
 * {@code <id>.new.enrollments.__manage} self notification. Answers {@code
 * {"enrollmentId":"<uuid>","status":"approved"|"pending"}}.
 */
final class EnrollRequests {
  private final Apkam apkam;

  EnrollRequests(Apkam apkam) {
    this.apkam = apkam;
  }

  CompletionStage<Reply> request(EnrollParams params, SessionContext session) {
    AuthState.Owner owner = session.auth() instanceof AuthState.Owner o ? o : null;
    if (owner == null && !apkam.passwords().use(params.otp())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "invalid otp. Cannot process enroll request");
    }
    if (blank(params.appName()) || blank(params.deviceName()) || blank(params.apkamPublicKey())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "appName, deviceName and apkamPublicKey are required");
    }
    String id = UUID.randomUUID().toString();
    Map<String, String> namespaces = new LinkedHashMap<>(params.namespaces());
    if (owner != null && owner.cram()) {
      namespaces.put(Enrollment.MANAGE, "rw");
      namespaces.put("*", "rw");
      session.auth(new AuthState.Owner(owner.atSign(), true, id));
      apkam.connections().add(id, session);
      return approved(params, id, session.sessionId(), namespaces, true);
    }
    if (owner != null && owner.enrollmentId() != null && managing(owner.enrollmentId())) {
      return approved(params, id, session.sessionId(), namespaces, false);
    }
    Enrollment pending =
        new Enrollment(
            id,
            session.sessionId(),
            params.appName(),
            params.deviceName(),
            namespaces,
            params.apkamPublicKey(),
            params.encryptedApkamSymmetricKey(),
            EnrollmentStatus.PENDING);
    String key = id + ".new.enrollments." + Enrollment.MANAGE;
    var value = EnrollmentJson.object();
    value.put("encryptedAPKAMSymmetricKey", params.encryptedApkamSymmetricKey());
    return apkam
        .enrollments()
        .savePending(pending, apkam.pendingLifetime())
        .thenCompose(
            stored ->
                apkam.notifier().pending(key, value.toString(), session.connection().executor()))
        .thenApply(done -> answer(id, EnrollmentStatus.PENDING));
  }

  private CompletionStage<Reply> approved(
      EnrollParams params,
      String id,
      String sessionId,
      Map<String, String> namespaces,
      boolean first) {
    Enrollment enrollment =
        new Enrollment(
            id,
            sessionId,
            params.appName(),
            params.deviceName(),
            namespaces,
            params.apkamPublicKey(),
            null,
            EnrollmentStatus.APPROVED);
    return apkam
        .enrollments()
        .save(enrollment, DefaultKeys.of(params), first)
        .thenApply(done -> answer(id, EnrollmentStatus.APPROVED));
  }

  private boolean managing(String enrollmentId) {
    return apkam
        .enrollments()
        .find(enrollmentId)
        .filter(e -> e.status() == EnrollmentStatus.APPROVED && e.manages())
        .isPresent();
  }

  private static Reply answer(String id, EnrollmentStatus status) {
    var node = EnrollmentJson.object();
    node.put("enrollmentId", id);
    node.put("status", status.wireName());
    return Reply.data(node.toString());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
