package dev.atpj.server.verb.data;

import dev.atpj.protocol.command.Delete;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.server.data.AuthMethodGuard;
import dev.atpj.server.data.KeyPolicy;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletionStage;

/**
 * {@code delete:<key>} (docs/protocol.md B9): deletes a key of the owner or a cached copy and
 * answers {@code data:<commitId>} ({@code -1} for key types that are not committed); deleting a
 * missing key still commits. Protected keys give AT0009. {@code delete:privatekey:at_secret} also
 * records that the secret was deleted, so CRAM stops working and the secret is never seeded again;
 * it is refused (AT0009) while no valid PKAM public key is stored ({@link AuthMethodGuard}).
 */
public final class DeleteHandler implements VerbHandler<Delete> {
  private final KeyPolicy keyPolicy;
  private final KeyWriter keyWriter;
  private final AuthMethodGuard authMethods;

  /**
   * A handler with the services it uses.
   *
   * @param keyPolicy which keys the owner may write and delete
   * @param keyWriter ordered, durable writes of the owner's keys
   * @param authMethods refuses deleting the last way to authenticate
   */
  public DeleteHandler(KeyPolicy keyPolicy, KeyWriter keyWriter, AuthMethodGuard authMethods) {
    this.keyPolicy = keyPolicy;
    this.keyWriter = keyWriter;
    this.authMethods = authMethods;
  }

  @Override
  public Class<Delete> commandType() {
    return Delete.class;
  }

  @Override
  public CompletionStage<Reply> handle(Delete command, SessionContext session) {
    AtKey key = keyPolicy.forDelete(command.key());
    KeyWriter writer = keyWriter;
    if (key.equals(ReservedKeys.AT_SECRET)) {
      authMethods.checkDelete(key);
      return writer.deleteSecret(session.connection().executor()).thenApply(DataReplies::commitId);
    }
    return writer.delete(key, session.connection().executor()).thenApply(DataReplies::commitId);
  }
}
