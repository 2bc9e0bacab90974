package dev.atpj.server.verb.data;

import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.server.data.AuthMethodGuard;
import dev.atpj.server.data.KeyPolicy;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.data.MetadataRules;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import java.util.concurrent.CompletionStage;

/**
 * {@code update[<metadata options>]:<key> <value>} (docs/protocol.md B7): stores the value with the
 * given options merged into the key's metadata ({@link MetadataRules}); answers {@code
 * data:<commitId>}, or {@code data:-1} for key types that are not committed. The commit operation
 * is {@code *} when options were given, {@code +} otherwise; with {@code :nc} nothing is committed
 * and the answer is {@code data:-1} (the key's earlier commit entries stay). Reserved
 * authentication keys only take values that can authenticate ({@link AuthMethodGuard}).
 */
public final class UpdateHandler implements VerbHandler<Update> {
  private final KeyPolicy keyPolicy;
  private final KeyWriter keyWriter;
  private final AuthMethodGuard authMethods;

  /**
   * A handler with the services it uses.
   *
   * @param keyPolicy which keys the owner may write and delete
   * @param keyWriter ordered, durable writes of the owner's keys
   * @param authMethods checks the values of reserved authentication keys
   */
  public UpdateHandler(KeyPolicy keyPolicy, KeyWriter keyWriter, AuthMethodGuard authMethods) {
    this.keyPolicy = keyPolicy;
    this.keyWriter = keyWriter;
    this.authMethods = authMethods;
  }

  @Override
  public Class<Update> commandType() {
    return Update.class;
  }

  @Override
  public CompletionStage<Reply> handle(Update command, SessionContext session) {
    AtKey key = keyPolicy.forUpdate(command.key());
    authMethods.checkUpdate(key, command.value());
    KeyWriter writer = keyWriter;
    CommitOp op =
        command.noCommit()
            ? null
            : command.options().isEmpty() ? CommitOp.UPDATE : CommitOp.UPDATE_ALL;
    return writer
        .put(
            key,
            op,
            (current, now) ->
                new StoredValue(
                    command.value(),
                    MetadataRules.forWrite(
                        current == null ? null : current.metadata(),
                        command.options(),
                        writer.atSign(),
                        now)),
            session.connection().executor())
        .thenApply(DataReplies::commitId);
  }
}
