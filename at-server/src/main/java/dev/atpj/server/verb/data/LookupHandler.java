package dev.atpj.server.verb.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code lookup[:meta|:all]:<key>@<owner>} (PROTOCOL.md A5, B8): reads a key as the connection may
 * see it.
 *
 * <ul>
 *   <li>Unauthenticated: {@code x@me} and {@code public:x@me} read {@code public:x@me}; nothing
 *       else is visible (AT0401).
 *   <li>Owner: {@code x@me} reads the self key, {@code public:x@me} the public key (whitepaper),
 *       {@code @bob:x@me} the shared key.
 *   <li>A pol-authenticated peer {@code @bob}: {@code x@me} reads {@code @bob:x@me} only.
 * </ul>
 *
 * <p>Absent: AT0015; not yet born or expired: {@code data:null}. A value {@code atsign://<key>} is
 * resolved, under the same visibility, up to {@value #MAX_RESOLUTION_DEPTH} times, and the target's
 * value is returned ({@code data:null} when a target is missing, inactive, of another atSign, or
 * still a reference). The owner's lookup of another atSign's key needs server-to-server lookups,
 * which this server does not offer yet: AT0021.
 */
public final class LookupHandler implements VerbHandler<Lookup> {
  /** How many {@code atsign://} references are followed (reference {@code lookup.depth}). */
  public static final int MAX_RESOLUTION_DEPTH = 3;

  /** The prefix of a value that refers to another key. */
  public static final String REFERENCE = "atsign://";

  @Override
  public Class<Lookup> commandType() {
    return Lookup.class;
  }

  @Override
  public CompletionStage<Reply> handle(Lookup command, SessionContext session) {
    AtSign me = session.server().atSign();
    AtKey asked = command.key();
    if (session.auth().isOwner() && !asked.owner().equals(me)) {
      throw new AtException(
          AtErrorCode.UNABLE_TO_CONNECT,
          "looking up keys of "
              + asked.owner()
              + " through this atServer (server-to-server lookup) is not supported yet");
    }
    AtKey target = visible(asked, session.auth());
    String name = target.toString();
    AtStore store = session.server().store();
    StoredValue stored = store.get(name).orElseThrow(() -> DataReplies.notFound(name));
    Instant now = session.server().clock().instant();
    if (!stored.metadata().isActiveAt(now)) {
      return CompletableFuture.completedFuture(Reply.data(null));
    }
    String value =
        command.shape() == LookupShape.META ? null : resolve(stored.value(), target, store, now);
    return CompletableFuture.completedFuture(
        DataReplies.shaped(command.shape(), name, value, stored));
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
      return asked;
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

  /** Follows {@code atsign://} references under the visibility of {@code read}. */
  static String resolve(String value, AtKey read, AtStore store, Instant now) {
    for (int depth = 0; value != null && value.startsWith(REFERENCE); depth++) {
      if (depth == MAX_RESOLUTION_DEPTH) {
        return null;
      }
      AtKey next = referenced(value.substring(REFERENCE.length()), read);
      if (next == null) {
        return null;
      }
      value =
          store
              .get(next.toString())
              .filter(v -> v.metadata().isActiveAt(now))
              .map(StoredValue::value)
              .orElse(null);
    }
    return value;
  }

  private static AtKey referenced(String text, AtKey read) {
    AtKey ref;
    try {
      ref = AtKey.parse(text.trim());
    } catch (AtException e) {
      return null;
    }
    AtSign owner = ref.owner() == null ? read.owner() : ref.owner();
    if (!owner.equals(read.owner())) {
      return null;
    }
    return new AtKey(false, read.visibility(), read.sharedWith(), ref.entity(), owner);
  }
}
