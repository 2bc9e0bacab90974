package dev.atpj.server.peer;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Other atSigns' {@code public:signing_publickey}, which {@code pol} checks proofs with
 * (docs/protocol.md B5 step 6), fetched from their atServers and reused for a while. Thread-safe.
 */
final class PeerSigningKeys {
  private static final int MAX_ENTRIES = 10_000;

  private final Function<AtSign, CompletableFuture<String>> fetch;
  private final AtCrypto crypto;
  private final Clock clock;
  private final Duration cacheTime;
  private final Map<AtSign, Cached> keys = new ConcurrentHashMap<>();
  private final Map<AtSign, CompletableFuture<PublicKey>> fetching = new ConcurrentHashMap<>();

  private record Cached(PublicKey key, Instant expiresAt) {}

  /**
   * Keys fetched with the given lookup.
   *
   * @param fetch reads the base64 signing public key of an atSign from its atServer
   * @param crypto decodes keys
   * @param clock the server's clock
   * @param cacheTime how long a key is reused
   */
  PeerSigningKeys(
      Function<AtSign, CompletableFuture<String>> fetch,
      AtCrypto crypto,
      Clock clock,
      Duration cacheTime) {
    this.fetch = fetch;
    this.crypto = crypto;
    this.clock = clock;
    this.cacheTime = cacheTime;
  }

  /**
   * An atSign's signing public key.
   *
   * @param atSign the atSign
   * @param fresh true to ignore a cached key (after a check with it failed)
   * @return the key; fails when it cannot be fetched or decoded
   */
  CompletableFuture<PublicKey> get(AtSign atSign, boolean fresh) {
    Cached cached = keys.get(atSign);
    if (!fresh && cached != null && clock.instant().isBefore(cached.expiresAt())) {
      return CompletableFuture.completedFuture(cached.key());
    }
    CompletableFuture<PublicKey> pending = fetching.get(atSign);
    if (!fresh && pending != null) {
      return pending; // a fetch of the same key is under way (e.g. started by from)
    }
    CompletableFuture<PublicKey> result =
        fetch
            .apply(atSign)
            .thenApply(
                encoded -> {
                  PublicKey key = crypto.decodePublicKey(encoded);
                  if (keys.size() >= MAX_ENTRIES) {
                    keys.clear();
                  }
                  keys.put(atSign, new Cached(key, clock.instant().plus(cacheTime)));
                  return key;
                });
    fetching.put(atSign, result);
    result.whenComplete((key, failure) -> fetching.remove(atSign, result));
    return result;
  }

  /** Whether a key for the atSign is cached (fresh or not). */
  boolean isCached(AtSign atSign) {
    return keys.containsKey(atSign);
  }
}
