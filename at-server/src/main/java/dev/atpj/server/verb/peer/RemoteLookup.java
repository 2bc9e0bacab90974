package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import java.util.concurrent.CompletionStage;

/**
 * The owner's {@code lookup[:bypassCache:true][:meta|:all]:<key>@<other>} (docs/protocol.md B8,
 * C7): what {@code @other} shares with this atSign, {@code @me:<key>@<other>}, from the fresh
 * cached copy {@code cached:@me:<key>@<other>} or else from {@code @other}'s atServer over a pooled
 * pol-authenticated connection ({@code lookup:all}), cached as the owner's ttr allows. This is how
 * at_java reads shared data ({@code lookup:shared_key@alice}, {@code lookup:test@alice} sent to
 * bob's own server). {@code lookup:public:<key>@<other>} reads the public value the same way.
 */
public final class RemoteLookup {
  private final AtSign me;
  private final RemoteCache cache;

  /**
   * Built once, with the services it uses.
   *
   * @param me the atSign this server serves
   * @param cache the cache of other atSigns' keys
   */
  public RemoteLookup(AtSign me, RemoteCache cache) {
    this.me = me;
    this.cache = cache;
  }

  /**
   * Handles the owner's lookup of another atSign's key.
   *
   * @param command the command, whose key's owner is not this server's atSign
   * @param session the owner's connection
   * @return the shaped value; fails with the other atServer's error or a connection error
   */
  public CompletionStage<Reply> handle(Lookup command, SessionContext session) {
    AtKey origin = origin(command.key());
    return cache
        .read(origin, command.bypassesCache(), session.connection().executor())
        .thenApply(found -> RemoteReplies.shaped(command.shape(), found));
  }

  private AtKey origin(AtKey asked) {
    if (!asked.cached()) {
      if (asked.visibility() == KeyVisibility.SELF) {
        return AtKey.ofShared(me, asked.entity(), asked.owner());
      }
      if (asked.visibility() == KeyVisibility.PUBLIC) {
        return asked;
      }
      if (asked.visibility() == KeyVisibility.SHARED && me.equals(asked.sharedWith())) {
        return asked;
      }
    }
    throw new AtException(
        AtErrorCode.UNAUTHORIZED,
        "lookup reads what "
            + asked.owner()
            + " shares with "
            + me
            + " (<key>"
            + asked.owner()
            + ") or its public keys; use llookup for cached copies");
  }
}
