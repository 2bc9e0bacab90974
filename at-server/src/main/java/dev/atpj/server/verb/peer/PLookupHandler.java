package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.server.cache.RemoteValue;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code plookup[:bypassCache:true][:meta|:all]:<key>@<owner>} (docs/protocol.md B8; whitepaper
 * "plookup"): the owner's proxied public lookup. Another atSign's public value comes from the fresh
 * copy {@code cached:public:<key>@<owner>} or else from the owner's atServer without a handshake,
 * and is cached (for {@code publicCacheTime} when the owner set no ttr; not at all with ttr 0). The
 * {@code all} shape's {@code key} is the cached name for a cached answer ({@code cached:public:…},
 * which at_java looks for) and {@code public:…} otherwise. This server's own public keys are read
 * locally. Missing: AT0015; inactive: {@code data:null}.
 */
public final class PLookupHandler implements VerbHandler<PLookup> {
  private final AtSign me;
  private final AtStore store;
  private final Clock clock;
  private final RemoteCache cache;

  /**
   * A handler with the services it uses.
   *
   * @param me the atSign this server serves
   * @param store the atSign's storage
   * @param clock the clock
   * @param cache the cache of other atSigns' keys
   */
  public PLookupHandler(AtSign me, AtStore store, Clock clock, RemoteCache cache) {
    this.me = me;
    this.store = store;
    this.clock = clock;
    this.cache = cache;
  }

  @Override
  public Class<PLookup> commandType() {
    return PLookup.class;
  }

  @Override
  public CompletionStage<Reply> handle(PLookup command, SessionContext session) {
    AtKey asked = command.key();
    if (asked.cached()
        || (asked.visibility() != KeyVisibility.SELF
            && asked.visibility() != KeyVisibility.PUBLIC)) {
      throw new AtException(
          AtErrorCode.INVALID_KEY, "plookup reads public keys: plookup:<key>@<atSign>");
    }
    AtKey origin = AtKey.ofPublic(asked.entity(), asked.owner());
    if (me.equals(origin.owner())) {
      return CompletableFuture.completedFuture(
          RemoteReplies.shaped(command.shape(), local(origin, session)));
    }
    return cache
        .read(origin, command.bypassesCache(), session.connection().executor())
        .thenApply(found -> RemoteReplies.shaped(command.shape(), found));
  }

  private RemoteValue local(AtKey origin, SessionContext session) {
    String name = origin.toString();
    StoredValue stored =
        store
            .get(name)
            .orElseThrow(
                () ->
                    new AtException(
                        AtErrorCode.KEY_NOT_FOUND, name + " does not exist in keystore"));
    Instant now = clock.instant();
    if (!stored.metadata().isActiveAt(now)) {
      return new RemoteValue(name, null, null, false, false);
    }
    return new RemoteValue(name, stored.value(), stored.metadata(), true, false);
  }
}
