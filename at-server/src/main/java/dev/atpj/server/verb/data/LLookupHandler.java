package dev.atpj.server.verb.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.LLookup;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code llookup[:meta|:all]:<key>} (docs/protocol.md B8): the owner reads a key exactly as stored,
 * including {@code cached:} copies. Absent: AT0015; present but not yet born or expired: {@code
 * data:null}; {@code atsign://} references are returned as they are. The {@code all} shape names
 * the stored key, as the reference does. {@code privatekey:} and {@code private:} keys hold the
 * server's secrets and are not readable (AT0009).
 */
public final class LLookupHandler implements VerbHandler<LLookup> {
  private final AtStore store;
  private final Clock clock;

  /**
   * A handler with the services it uses.
   *
   * @param store the atSign's storage
   * @param clock the clock
   */
  public LLookupHandler(AtStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Class<LLookup> commandType() {
    return LLookup.class;
  }

  @Override
  public CompletionStage<Reply> handle(LLookup command, SessionContext session) {
    AtKey key = command.key();
    if (key.visibility() == KeyVisibility.PRIVATEKEY || key.visibility() == KeyVisibility.PRIVATE) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED, key.visibility().prefix() + " keys cannot be looked up");
    }
    String name = key.toString();
    StoredValue stored = store.get(name).orElseThrow(() -> DataReplies.notFound(name));
    if (!stored.metadata().isActiveAt(clock.instant())) {
      return CompletableFuture.completedFuture(Reply.data(null));
    }
    return CompletableFuture.completedFuture(
        DataReplies.shaped(command.shape(), name, stored.value(), stored));
  }
}
