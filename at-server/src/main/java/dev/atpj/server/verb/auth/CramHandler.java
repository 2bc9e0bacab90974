package dev.atpj.server.verb.auth;

import dev.atpj.protocol.command.Cram;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * {@code cram:<digest>} (docs/protocol.md B5): the digest must be the lowercase hex SHA-512 of the
 * secret stored at {@code privatekey:at_secret} followed by the pending challenge. Once the owner
 * deleted the secret, cram always fails.
 */
public final class CramHandler implements VerbHandler<Cram> {
  static final String FAILED = "Authentication Failed";

  private final AtStore store;
  private final AuthAttempt attempts;

  /**
   * A handler with the services it uses.
   *
   * @param store the atSign's storage
   * @param attempts runs authentication attempts with their limits
   */
  public CramHandler(AtStore store, AuthAttempt attempts) {
    this.store = store;
    this.attempts = attempts;
  }

  @Override
  public Class<Cram> commandType() {
    return Cram.class;
  }

  @Override
  public CompletionStage<Reply> handle(Cram command, SessionContext session) {
    String digest = command.digest().toLowerCase(Locale.ROOT);
    return attempts.run(
        session,
        challenge -> matches(session, challenge, digest),
        FAILED,
        new AuthState.Owner(attempts.atSign(), true, null));
  }

  private boolean matches(SessionContext session, String challenge, String digest) {
    String secret =
        store.get(ReservedKeys.AT_SECRET.toString()).map(StoredValue::value).orElse(null);
    if (secret == null) {
      return false;
    }
    String expected = AtCrypto.cramDigest(secret, challenge);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8));
  }
}
