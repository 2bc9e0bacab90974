package dev.atpj.server.verb.data;

import dev.atpj.protocol.command.UpdateJson;
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
 * {@code update:json:{…}} (docs/protocol.md B7): the JSON form of {@code update}, with the same key
 * rules and replies. Metadata fields set in the JSON replace the stored ones; the others are kept.
 */
public final class UpdateJsonHandler implements VerbHandler<UpdateJson> {
  private final KeyPolicy keyPolicy;
  private final KeyWriter keyWriter;

  /**
   * A handler with the services it uses.
   *
   * @param keyPolicy which keys the owner may write and delete
   * @param keyWriter ordered, durable writes of the owner's keys
   */
  public UpdateJsonHandler(KeyPolicy keyPolicy, KeyWriter keyWriter) {
    this.keyPolicy = keyPolicy;
    this.keyWriter = keyWriter;
  }

  @Override
  public Class<UpdateJson> commandType() {
    return UpdateJson.class;
  }

  @Override
  public CompletionStage<Reply> handle(UpdateJson command, SessionContext session) {
    UpdateJson.Content content = command.content();
    AtKey key = keyPolicy.forUpdate(content.key());
    KeyWriter writer = keyWriter;
    boolean withMetadata = MetadataRules.hasClientFields(content.metadata());
    return writer
        .put(
            key,
            withMetadata ? CommitOp.UPDATE_ALL : CommitOp.UPDATE,
            (current, now) ->
                new StoredValue(
                    content.value(),
                    MetadataRules.forWrite(
                        current == null ? null : current.metadata(),
                        m -> MetadataRules.overlay(m, content.metadata()),
                        writer.atSign(),
                        now)),
            session.connection().executor())
        .thenApply(DataReplies::commitId);
  }
}
