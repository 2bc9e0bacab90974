package dev.atpj.server.verb.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Scan;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.server.verb.peer.BlockedPeers;
import dev.atpj.server.verb.peer.RemoteScan;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * {@code scan[:showhidden:true][ <regex>]} (docs/protocol.md B10, C8): the JSON array of the keys
 * the connection may see, in key order, streamed from the store (never materialised), without keys
 * that are not yet born or have expired. The regex is a search on the stored key name, before any
 * prefix is stripped. An owner's scan may examine every key, so the store is walked on the ops
 * executor, never on the connection's event loop; the session still answers the connection's
 * commands in order.
 *
 * <ul>
 *   <li>Unauthenticated: {@code public:} keys except {@code public:_…}, shown without {@code
 *       public:}.
 *   <li>Owner: everything except {@code private:}, {@code privatekey:}, {@code public:_…} and
 *       hidden self keys {@code _…}; with {@code showhidden:true}, {@code _…} and {@code
 *       public:__…} too. Cached copies and shared hidden keys ({@code @bob:_x@me}) are listed.
 *   <li>A pol-authenticated peer {@code @bob}: keys shared with it, without {@code @bob:}.
 * </ul>
 *
 * <p>The owner's {@code scan:@other} relays {@code @other}'s scan as {@code @other}'s atServer
 * answers this atSign ({@link RemoteScan}); other connections get AT0401 for it.
 */
public final class ScanHandler implements VerbHandler<Scan> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtSign me;
  private final AtStore store;
  private final Clock clock;
  private final OpsExecutor opsExecutor;
  private final BlockedPeers blockedPeers;
  private final RemoteScan remoteScan;

  /**
   * A handler with the services it uses.
   *
   * @param me the atSign this server serves
   * @param store the atSign's storage
   * @param clock the clock
   * @param opsExecutor where work too long for an event loop runs
   * @param blockedPeers refuses requests of blocked peers
   * @param remoteScan relays scans of other atSigns
   */
  public ScanHandler(
      AtSign me,
      AtStore store,
      Clock clock,
      OpsExecutor opsExecutor,
      BlockedPeers blockedPeers,
      RemoteScan remoteScan) {
    this.me = me;
    this.store = store;
    this.clock = clock;
    this.opsExecutor = opsExecutor;
    this.blockedPeers = blockedPeers;
    this.remoteScan = remoteScan;
  }

  @Override
  public Class<Scan> commandType() {
    return Scan.class;
  }

  @Override
  public CompletionStage<Reply> handle(Scan command, SessionContext session) {
    AuthState auth = session.auth();
    blockedPeers.refuseIfBlocked(session);
    if (command.forAtSign() != null && !command.forAtSign().equals(me)) {
      if (!auth.isOwner()) {
        throw new AtException(
            AtErrorCode.UNAUTHENTICATED, "scanning another atSign's keys needs authentication");
      }
      return remoteScan.handle(command);
    }
    KeyPattern pattern = KeyPattern.compile(command.regex());
    View view = View.of(auth, command.showsHidden());
    Instant now = clock.instant();
    return CompletableFuture.supplyAsync(
        () -> Reply.data(render(keys(store, view, pattern, now))), opsExecutor);
  }

  /** Streams the store under the view's prefix; may examine every key, so never on a loop. */
  private static List<String> keys(AtStore store, View view, KeyPattern pattern, Instant now) {
    List<String> keys = new ArrayList<>();
    store.forEachKey(
        view.prefix(),
        entry -> {
          String key = entry.key();
          if (view.shows().test(key)
              && entry.value().metadata().isActiveAt(now)
              && pattern.find(key)) {
            keys.add(key.substring(view.strip()));
          }
          return true;
        });
    return keys;
  }

  private static String render(List<String> keys) {
    try {
      return JSON.writeValueAsString(keys);
    } catch (JsonProcessingException e) {
      throw new AtException(AtErrorCode.INTERNAL_SERVER_ERROR, "cannot render the key list", e);
    }
  }

  /**
   * What one connection sees.
   *
   * @param prefix the store prefix to stream
   * @param shows which keys under the prefix are listed
   * @param strip how many leading characters are removed from listed keys
   */
  record View(String prefix, Predicate<String> shows, int strip) {
    static View of(AuthState auth, boolean showHidden) {
      if (auth instanceof AuthState.Owner) {
        return new View("", key -> ownerSees(key, showHidden), 0);
      }
      if (auth instanceof AuthState.Peer peer) {
        String prefix = peer.atSign() + ":";
        return new View(prefix, key -> true, prefix.length());
      }
      return new View("public:", key -> !key.startsWith("public:_"), "public:".length());
    }

    static boolean ownerSees(String key, boolean showHidden) {
      if (key.startsWith("private:") || key.startsWith("privatekey:")) {
        return false;
      }
      if (key.startsWith("public:_")) {
        return showHidden && key.startsWith("public:__");
      }
      return showHidden || !key.startsWith("_");
    }
  }
}
