package dev.atpj.server.verb.sync;

import dev.atpj.protocol.command.Sync;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.sync.SyncEntryJson;
import dev.atpj.server.sync.SyncReader;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The whitepaper's {@code sync:<commitId>[:<regex>]} (docs/protocol.md A6, B12 DIVERGES): every
 * commit entry after the id, superseded ones included, each with its {@code opTime}, in commit
 * order. Pages are bounded like {@code sync:from} ({@link OpsConfig#syncPageLimit()} entries,
 * {@link OpsConfig#syncByteBudget()} bytes): a client asks again from the last commit id it
 * received.
 */
public final class SyncHandler implements VerbHandler<Sync> {
  private final AtStore store;
  private final OpsConfig ops;
  private final OpsExecutor opsExecutor;

  /**
   * A handler with the services it uses.
   *
   * @param store the atSign's storage
   * @param ops the sync page limits
   * @param opsExecutor where work too long for an event loop runs
   */
  public SyncHandler(AtStore store, OpsConfig ops, OpsExecutor opsExecutor) {
    this.store = store;
    this.ops = ops;
    this.opsExecutor = opsExecutor;
  }

  @Override
  public Class<Sync> commandType() {
    return Sync.class;
  }

  @Override
  public CompletionStage<Reply> handle(Sync command, SessionContext session) {
    KeyPattern filter = KeyPattern.compile(command.regex());
    SyncReader reader = new SyncReader(store);
    return CompletableFuture.supplyAsync(
        () ->
            Reply.data(
                SyncEntryJson.render(
                    reader.every(command.commitId(), ops.syncPageLimit(), filter),
                    true,
                    ops.syncByteBudget())),
        opsExecutor);
  }
}
