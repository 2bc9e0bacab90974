package dev.atpj.server.verb.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.server.peer.CookieJar;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.server.verb.peer.BlockedPeers;
import dev.atpj.server.verb.peer.RemoteLookup;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code lookup[:bypassCache:true|false][:meta|:all]:<key>@<owner>} (docs/protocol.md A5, B8):
 * reads a key as the connection may see it.
 *
 * <ul>
 *   <li>Unauthenticated: {@code x@me} and {@code public:x@me} read {@code public:x@me}; nothing
 *       else is visible (AT0401). The cookies this server places for its own {@code pol} handshakes
 *       ({@code public:_<session>@me}, held in memory) are read first.
 *   <li>Owner: {@code x@me} reads {@code @me:x@me}, the key shared with the owner, as the reference
 *       does (never the self key {@code x@me}, which only {@code llookup} reads); {@code
 *       public:x@me} reads the public key (whitepaper), {@code @bob:x@me} the shared key; {@code
 *       x@other} reads what {@code @other} shares with this atSign through the cache and
 *       {@code @other}'s atServer ({@link RemoteLookup}).
 *   <li>A pol-authenticated peer {@code @bob}: {@code x@me} reads {@code @bob:x@me} only.
 * </ul>
 *
 * <p>Absent: AT0015; not yet born or expired: {@code data:null}. A value {@code atsign://<key>} is
 * resolved by {@link References}, up to {@value References#MAX_DEPTH} steps, across atServers for
 * authenticated connections.
 */
public final class LookupHandler implements VerbHandler<Lookup> {
  private final AtSign me;
  private final AtStore store;
  private final Clock clock;
  private final RemoteCache cache;
  private final CookieJar cookies;
  private final BlockedPeers blockedPeers;
  private final RemoteLookup remoteLookup;

  /**
   * A handler with the services it uses.
   *
   * @param me the atSign this server serves
   * @param store the atSign's storage
   * @param clock the clock
   * @param cache the cache of other atSigns' keys
   * @param cookies the pol cookies this server placed
   * @param blockedPeers refuses requests of blocked peers
   * @param remoteLookup reads other atSigns' keys
   */
  public LookupHandler(
      AtSign me,
      AtStore store,
      Clock clock,
      RemoteCache cache,
      CookieJar cookies,
      BlockedPeers blockedPeers,
      RemoteLookup remoteLookup) {
    this.me = me;
    this.store = store;
    this.clock = clock;
    this.cache = cache;
    this.cookies = cookies;
    this.blockedPeers = blockedPeers;
    this.remoteLookup = remoteLookup;
  }

  @Override
  public Class<Lookup> commandType() {
    return Lookup.class;
  }

  @Override
  public CompletionStage<Reply> handle(Lookup command, SessionContext session) {
    AtKey asked = command.key();
    AuthState auth = session.auth();
    blockedPeers.refuseIfBlocked(session);
    if (auth.isOwner() && !asked.owner().equals(me)) {
      return remoteLookup.handle(command, session);
    }
    AtKey target = visible(asked, auth);
    String name = target.toString();
    StoredValue stored = read(target, session).orElseThrow(() -> DataReplies.notFound(name));
    Instant now = clock.instant();
    if (!stored.metadata().isActiveAt(now)) {
      return CompletableFuture.completedFuture(Reply.data(null));
    }
    if (command.shape() == LookupShape.META) {
      return CompletableFuture.completedFuture(
          DataReplies.shaped(command.shape(), name, null, stored));
    }
    References references =
        new References(me, auth, store, cache, now, session.connection().executor());
    return references
        .resolve(stored.value(), target)
        .thenApply(value -> DataReplies.shaped(command.shape(), name, value, stored));
  }

  /** The stored value, or for an unauthenticated read of a hidden public key a pol cookie. */
  private Optional<StoredValue> read(AtKey target, SessionContext session) {
    if (session.auth() instanceof AuthState.Unauthenticated
        && target.visibility() == KeyVisibility.PUBLIC
        && target.isHidden()
        && me.equals(target.owner())) {
      Optional<String> cookie = cookies.find(target.entity());
      if (cookie.isPresent()) {
        return Optional.of(new StoredValue(cookie.get(), Metadata.EMPTY));
      }
    }
    return store.get(target.toString());
  }

  /** The stored key a connection in this state reads for the key it asked for. */
  static AtKey visible(AtKey asked, AuthState auth) {
    boolean plain = !asked.cached() && asked.visibility() == KeyVisibility.SELF;
    if (auth instanceof AuthState.Owner) {
      KeyVisibility v = asked.visibility();
      if (asked.cached()
          || (v != KeyVisibility.SELF && v != KeyVisibility.PUBLIC && v != KeyVisibility.SHARED)) {
        throw new AtException(
            AtErrorCode.UNAUTHORIZED, "lookup reads self, public and shared keys; use llookup");
      }
      return v == KeyVisibility.SELF
          ? AtKey.ofShared(asked.owner(), asked.entity(), asked.owner())
          : asked;
    }
    if (auth instanceof AuthState.Peer peer) {
      if (!plain) {
        throw new AtException(
            AtErrorCode.UNAUTHORIZED, "an atSign looks up keys as <key>@<owner> only");
      }
      return AtKey.ofShared(peer.atSign(), asked.entity(), asked.owner());
    }
    if (!plain && !(asked.visibility() == KeyVisibility.PUBLIC && !asked.cached())) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED, "only public keys can be looked up without authentication");
    }
    return AtKey.ofPublic(asked.entity(), asked.owner());
  }
}
