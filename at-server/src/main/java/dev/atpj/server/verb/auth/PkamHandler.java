package dev.atpj.server.verb.auth;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.security.PublicKey;
import java.util.concurrent.CompletionStage;

/**
 * {@code pkam:[signingAlgo:rsa2048:][hashingAlgo:sha256|sha512:]<signature>} (docs/protocol.md B5,
 * C4): the base64 RSA PKCS#1 v1.5 signature of the pending challenge's UTF-8 bytes, checked with
 * the public key stored at {@code privatekey:at_pkam_publickey}. ECC signatures and APKAM
 * enrollments ({@code enrollmentId}) are not supported yet and get AT0401 saying so.
 */
public final class PkamHandler implements VerbHandler<Pkam> {
  static final String FAILED = "pkam authentication failed";

  private final AtStore store;
  private final AtCrypto crypto;
  private final AuthAttempt attempts;

  /**
   * A handler with the services it uses.
   *
   * @param store the atSign's storage
   * @param crypto the platform's crypto conventions
   * @param attempts runs authentication attempts with their limits
   */
  public PkamHandler(AtStore store, AtCrypto crypto, AuthAttempt attempts) {
    this.store = store;
    this.crypto = crypto;
    this.attempts = attempts;
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
    if (command.enrollmentId() != null) {
      throw AuthAttempt.refused(
          session, "APKAM enrollments are not supported yet; use pkam without enrollmentId");
    }
    String algorithm = "sha512".equals(command.hashingAlgo()) ? "SHA512withRSA" : "SHA256withRSA";
    return attempts.run(
        session, challenge -> verifies(session, challenge, command.signature(), algorithm), FAILED);
  }

  private boolean verifies(
      SessionContext session, String challenge, String signature, String algorithm) {
    String encoded =
        store.get(ReservedKeys.PKAM_PUBLIC_KEY.toString()).map(StoredValue::value).orElse(null);
    if (encoded == null) {
      return false;
    }
    PublicKey key;
    try {
      key = crypto.decodePublicKey(encoded);
    } catch (AtException e) {
      return false;
    }
    return crypto.verify(challenge, signature, key, algorithm);
  }
}
