package dev.atpj.server.verb.data;

import dev.atpj.protocol.command.UpdateMeta;
import dev.atpj.protocol.key.AtKey;
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
 * {@code update:meta:<key><metadata options>} (docs/protocol.md B7): changes only the metadata of
 * an existing key (AT0015 when it does not exist or has expired); commit operation {@code #}, none
 * with {@code :nc} (answer {@code data:-1}).
 */
public final class UpdateMetaHandler implements VerbHandler<UpdateMeta> {
  private final KeyPolicy keyPolicy;
  private final KeyWriter keyWriter;

  /**
   * A handler with the services it uses.
   *
   * @param keyPolicy which keys the owner may write and delete
   * @param keyWriter ordered, durable writes of the owner's keys
   */
  public UpdateMetaHandler(KeyPolicy keyPolicy, KeyWriter keyWriter) {
    this.keyPolicy = keyPolicy;
    this.keyWriter = keyWriter;
  }

  @Override
  public Class<UpdateMeta> commandType() {
    return UpdateMeta.class;
  }

  @Override
  public CompletionStage<Reply> handle(UpdateMeta command, SessionContext session) {
    AtKey key = keyPolicy.forUpdate(command.key());
    KeyWriter writer = keyWriter;
    return writer
        .put(
            key,
            command.noCommit() ? null : CommitOp.UPDATE_META,
            (current, now) -> {
              if (current == null) {
                throw DataReplies.notFound(key.toString());
              }
              return new StoredValue(
                  current.value(),
                  MetadataRules.forWrite(
                      current.metadata(), command.options(), writer.atSign(), now));
            },
            session.connection().executor())
        .thenApply(DataReplies::commitId);
  }
}
