package dev.atpj.server.verb.sync;

import dev.atpj.protocol.command.SyncFrom;
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
 * {@code sync:from:<commitId|-1>:limit:<n>[:<regex>]} (docs/protocol.md B12): the latest entry of
 * each key changed after the commit id, in commit order, as {@code
 * data:[{"atKey","value","metadata","commitId","operation"},…]}. A page holds at most the smaller
 * of the client's limit (0: no limit of its own) and {@link OpsConfig#syncPageLimit()}, and about
 * {@link OpsConfig#syncByteBudget()} bytes. The page is read on the ops executor.
 */
public final class SyncFromHandler implements VerbHandler<SyncFrom> {
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
  public SyncFromHandler(AtStore store, OpsConfig ops, OpsExecutor opsExecutor) {
    this.store = store;
    this.ops = ops;
    this.opsExecutor = opsExecutor;
  }

  @Override
  public Class<SyncFrom> commandType() {
    return SyncFrom.class;
  }

  @Override
  public CompletionStage<Reply> handle(SyncFrom command, SessionContext session) {
    KeyPattern filter = KeyPattern.compile(command.regex());
    int limit = pageLimit(command.limit(), ops);
    SyncReader reader = new SyncReader(store);
    return CompletableFuture.supplyAsync(
        () ->
            Reply.data(
                SyncEntryJson.render(
                    reader.latest(command.fromCommitId(), limit, ops.syncByteBudget(), filter),
                    false,
                    ops.syncByteBudget())),
        opsExecutor);
  }

  static int pageLimit(int asked, OpsConfig ops) {
    return asked <= 0 ? ops.syncPageLimit() : Math.min(asked, ops.syncPageLimit());
  }
}
