package dev.atpj.server.verb.auth;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.auth.Challenge;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.server.enroll.EnrolledConnections;
import dev.atpj.server.enroll.Enrollment;
import dev.atpj.server.enroll.EnrollmentStore;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.security.PublicKey;
import java.util.concurrent.CompletionStage;

/**
 * {@code pkam:[signingAlgo:rsa2048:][hashingAlgo:sha256|sha512:][enrollmentId:<id>:]<signature>}
 * (docs/protocol.md B5, B15, C4): the base64 RSA PKCS#1 v1.5 signature of the pending challenge's
 * UTF-8 bytes. Without an enrollment id it is checked with the legacy key at {@code
 * privatekey:at_pkam_publickey}; with one, with that enrollment's APKAM public key, and only while
 * it is approved: a pending, denied, revoked or unknown/expired enrollment is refused with AT0026,
 * AT0025, AT0027 or AT0028 (the reference's codes), which uses up the challenge but is not counted
 * as a failed attempt. A connection authenticated as an enrollment is closed when it is revoked.
 * ECC signatures get AT0401 saying they are not supported.
 */
public final class PkamHandler implements VerbHandler<Pkam> {
  static final String FAILED = "pkam authentication failed";

  private final AtStore store;
  private final AtCrypto crypto;
  private final AuthAttempt attempts;
  private final EnrollmentStore enrollments;
  private final EnrolledConnections connections;

  /**
   * A handler with the services it uses.
   *
   * @param store the atSign's storage
   * @param crypto the platform's crypto conventions
   * @param attempts runs authentication attempts with their limits
   * @param enrollments where APKAM enrollments are kept
   * @param connections the open connections of each enrollment, closed when it is revoked
   */
  public PkamHandler(
      AtStore store,
      AtCrypto crypto,
      AuthAttempt attempts,
      EnrollmentStore enrollments,
      EnrolledConnections connections) {
    this.store = store;
    this.crypto = crypto;
    this.attempts = attempts;
    this.enrollments = enrollments;
    this.connections = connections;
  }

  @Override
  public Class<Pkam> commandType() {
    return Pkam.class;
  }

  @Override
  public CompletionStage<Reply> handle(Pkam command, SessionContext session) {
    if ("ecc_secp256r1".equals(command.signingAlgo())) {
      throw AuthAttempt.refused(
          session, "signingAlgo ecc_secp256r1 is not supported yet; sign with rsa2048");
    }
    String algorithm = "sha512".equals(command.hashingAlgo()) ? "SHA512withRSA" : "SHA256withRSA";
    String id = command.enrollmentId();
    if (id == null) {
      String legacyKey =
          store.get(ReservedKeys.PKAM_PUBLIC_KEY.toString()).map(StoredValue::value).orElse(null);
      return attempts.run(
          session,
          challenge -> verifies(session, challenge, command.signature(), legacyKey, algorithm),
          FAILED);
    }
    Enrollment enrollment = approved(session, id);
    return attempts
        .run(
            session,
            challenge ->
                verifies(
                    session,
                    challenge,
                    command.signature(),
                    enrollment.apkamPublicKey(),
                    algorithm),
            FAILED,
            new AuthState.Owner(attempts.atSign(), false, id))
        .thenApply(
            success -> {
              connections.add(id, session);
              return success;
            });
  }

  /** The enrollment, when approved; otherwise the reference's refusal. */
  private Enrollment approved(SessionContext session, String id) {
    Enrollment enrollment = enrollments.find(id).orElse(null);
    AtErrorCode refusal;
    if (enrollment == null) {
      refusal = AtErrorCode.ENROLLMENT_EXPIRED;
    } else {
      switch (enrollment.status()) {
        case APPROVED:
          return enrollment;
        case PENDING:
          refusal = AtErrorCode.APKAM_AUTH_FAILED;
          break;
        case DENIED:
          refusal = AtErrorCode.APKAM_AUTH_DENIED;
          break;
        case REVOKED:
          refusal = AtErrorCode.APKAM_ACCESS_REVOKED;
          break;
        default:
          refusal = AtErrorCode.ENROLLMENT_EXPIRED;
      }
    }
    Challenge.clear(session);
    String state = enrollment == null ? "expired or invalid" : enrollment.status().wireName();
    throw new AtException(refusal, "enrollment_id: " + id + " is " + state);
  }

  private boolean verifies(
      SessionContext session,
      String challenge,
      String signature,
      String encodedKey,
      String algorithm) {
    if (encodedKey == null) {
      return false;
    }
    PublicKey key;
    try {
      key = crypto.decodePublicKey(encodedKey);
    } catch (AtException e) {
      return false;
    }
    return crypto.verify(challenge, signature, key, algorithm);
  }
}
