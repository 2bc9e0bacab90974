package dev.atpj.server.verb.data;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.server.session.AuthState;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Follows {@code atsign://<key>} values (docs/protocol.md B8), at most {@link #MAX_DEPTH} steps; a
 * value that is still a reference after that, a missing or inactive target, or an unreadable one
 * gives null.
 *
 * <ul>
 *   <li>A key of the same owner is read here, under the visibility of the key that held the
 *       reference ({@code public:}, {@code @bob:}, self).
 *   <li>A key of another atSign is read from its atServer through the {@link RemoteCache}: as this
 *       atSign (what it shares with us) when the owner reads a non-public key, otherwise its public
 *       value. The other atServer resolves its own references; what comes back is final.
 *   <li>Unauthenticated connections follow only references to the same owner. Without that rule two
 *       atServers whose public values refer to each other would ask each other for ever; with it,
 *       every chain of server-to-server reads ends after at most two hops (owner → pol → public).
 * </ul>
 */
final class References {
  /** How many references are followed (reference {@code lookup.depth_of_resolution}). */
  static final int MAX_DEPTH = 3;

  /** The prefix of a value that refers to another key. */
  static final String PREFIX = "atsign://";

  private final AtSign me;
  private final AuthState auth;
  private final AtStore store;
  private final RemoteCache cache;
  private final Instant now;
  private final Executor executor;

  References(
      AtSign me, AuthState auth, AtStore store, RemoteCache cache, Instant now, Executor executor) {
    this.me = me;
    this.auth = auth;
    this.store = store;
    this.cache = cache;
    this.now = now;
    this.executor = executor;
  }

  /**
   * Resolves a value read from a key.
   *
   * @param value the stored value
   * @param read the key it was read from
   * @return the value itself when it is no reference, else the target's value or null
   */
  CompletableFuture<String> resolve(String value, AtKey read) {
    return step(value, read, 0);
  }

  private CompletableFuture<String> step(String value, AtKey read, int depth) {
    String current = value;
    AtKey from = read;
    for (int d = depth; current != null && current.startsWith(PREFIX); d++) {
      if (d == MAX_DEPTH) {
        return CompletableFuture.completedFuture(null);
      }
      AtKey ref = parse(current.substring(PREFIX.length()));
      if (ref == null) {
        return CompletableFuture.completedFuture(null);
      }
      AtSign owner = ref.owner() == null ? from.owner() : ref.owner();
      if (!owner.equals(from.owner())) {
        return remote(ref.entity(), owner, from);
      }
      AtKey next = new AtKey(false, from.visibility(), from.sharedWith(), ref.entity(), owner);
      current =
          store
              .get(next.toString())
              .filter(v -> v.metadata().isActiveAt(now))
              .map(StoredValue::value)
              .orElse(null);
      from = next;
    }
    return CompletableFuture.completedFuture(current);
  }

  private CompletableFuture<String> remote(String entity, AtSign owner, AtKey from) {
    if (auth instanceof AuthState.Unauthenticated || owner.equals(me) || cache == null) {
      return CompletableFuture.completedFuture(null);
    }
    AtKey origin =
        auth.isOwner() && from.visibility() != KeyVisibility.PUBLIC
            ? AtKey.ofShared(me, entity, owner)
            : AtKey.ofPublic(entity, owner);
    return cache
        .read(origin, false, executor)
        .handle(
            (found, failure) -> {
              if (failure != null || !found.active() || found.value() == null) {
                return null;
              }
              return found.value().startsWith(PREFIX) ? null : found.value();
            });
  }

  private static AtKey parse(String text) {
    try {
      return AtKey.parse(text.trim());
    } catch (AtException e) {
      return null;
    }
  }
}
