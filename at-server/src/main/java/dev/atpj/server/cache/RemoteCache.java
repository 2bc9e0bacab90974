package dev.atpj.server.cache;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads other atSigns' keys through their atServers and keeps copies (docs/protocol.md B8): {@code
 * cached:@me:<k>@<owner>} for what the owner shares with this atSign, {@code
 * cached:public:<k>@<owner>} for public values. A copy is used while it is active and before its
 * refreshAt (or for ever with ttr -1), unless the cache is bypassed; otherwise the owner's atServer
 * is asked ({@code lookup:all}) and the copy is replaced.
 *
 * <p>What is kept follows the owner's ttr: a shared key is cached only with a ttr other than 0
 * (refreshAt = now + ttr; -1 = for ever, never refreshed); a public key is cached unless its ttr is
 * 0, for {@link #publicCacheTime} when it has none. A copy whose origin is gone (AT0015), inactive
 * ({@code data:null}) or no longer cacheable is removed. The copy keeps the owner's metadata
 * (createdAt, expiresAt, ...), so it expires with the original; only refreshAt is this server's.
 * Copies are written through the {@link KeyWriter} (ordered per key, committed, reported to
 * listeners), and a read completes once its copy is durable. Removal by the owner's cascade delete
 * (a {@code delete} notification with ccd) goes through {@link #remove}.
 */
public final class RemoteCache {
  private final AtSign me;
  private final AtStore store;
  private final KeyWriter writer;
  private final Clock clock;
  private final RemoteSource source;
  private final Duration publicCacheTime;

  /**
   * A cache.
   *
   * @param me this atServer's atSign
   * @param store its store
   * @param writer its key writer
   * @param clock the server's clock
   * @param source the other atServers
   * @param publicCacheTime how long a public value without ttr is kept
   */
  public RemoteCache(
      AtSign me,
      AtStore store,
      KeyWriter writer,
      Clock clock,
      RemoteSource source,
      Duration publicCacheTime) {
    this.me = me;
    this.store = store;
    this.writer = writer;
    this.clock = clock;
    this.source = source;
    this.publicCacheTime = publicCacheTime;
  }

  /**
   * Reads another atSign's key.
   *
   * @param origin {@code public:<k>@<owner>} or {@code @<me>:<k>@<owner>}, owner not this atSign
   * @param bypassCache true to ask the owner's atServer even when a fresh copy exists
   * @param executor where to continue after a copy's write (the connection's event loop)
   * @return the value; fails with the owner's error (AT0015 for a missing key) or a connection
   *     error (AT0007, AT0021, AT0008, AT0023, AT0006)
   */
  public CompletableFuture<RemoteValue> read(AtKey origin, boolean bypassCache, Executor executor) {
    AtKey copy = copyOf(origin);
    if (!bypassCache) {
      Optional<StoredValue> fresh = fresh(copy);
      if (fresh.isPresent()) {
        StoredValue v = fresh.get();
        return CompletableFuture.completedFuture(
            new RemoteValue(copy.toString(), v.value(), v.metadata(), true, true));
      }
    }
    return fetch(origin, copy, executor);
  }

  /**
   * Fetches the original of a cached copy again and updates or removes the copy (the refresh job).
   *
   * @param copy a {@code cached:} key of this atServer
   * @param executor where to continue after the write
   * @return what became of the copy
   */
  public CompletableFuture<RefreshOutcome> refresh(AtKey copy, Executor executor) {
    String before = store.get(copy.toString()).map(StoredValue::value).orElse(null);
    return fetch(copy.withoutCached(), copy, executor)
        .handle(
            (found, failure) -> {
              if (failure != null) {
                return isNotFound(failure) ? RefreshOutcome.REMOVED : RefreshOutcome.FAILED;
              }
              if (!found.active() || !store.exists(copy.toString())) {
                return RefreshOutcome.REMOVED;
              }
              return java.util.Objects.equals(before, found.value())
                  ? RefreshOutcome.UNCHANGED
                  : RefreshOutcome.UPDATED;
            });
  }

  /**
   * Keeps a value the owner pushed to this atServer (a notification carrying the value and a ttr,
   * docs/protocol.md B8 "cached keys on the recipient") as the copy, when its ttr allows; an
   * existing copy is removed when it does not.
   *
   * @param origin {@code @<me>:<k>@<owner>} or {@code public:<k>@<owner>}
   * @param value the value
   * @param metadata the owner's metadata (its ttr decides)
   * @param executor where to continue after the write
   * @return whether a copy is kept
   */
  public CompletableFuture<Boolean> accept(
      AtKey origin, String value, Metadata metadata, Executor executor) {
    AtKey copy = copyOf(origin);
    return keep(origin, copy, new AtData(origin.toString(), value, metadata), executor)
        .thenApply(kept -> store.exists(copy.toString()));
  }

  /**
   * Removes a cached copy if there is one (nothing is committed when there is none); for the
   * owner's cascade delete.
   *
   * @param copy the {@code cached:} key
   * @param executor where to continue after the write
   * @return completes once removed
   */
  public CompletableFuture<Void> remove(AtKey copy, Executor executor) {
    if (!copy.cached() || !store.exists(copy.toString())) {
      return CompletableFuture.completedFuture(null);
    }
    return writer.delete(copy, executor).thenApply(id -> null);
  }

  /**
   * Whether a cached copy is due for refresh: active, not cached for ever, refreshAt passed.
   *
   * @param metadata the copy's metadata
   * @param now the current time
   * @return true when the refresh job should fetch it again
   */
  public static boolean isDue(Metadata metadata, Instant now) {
    Long ttr = metadata.ttr();
    Instant refreshAt = metadata.refreshAt();
    return metadata.isActiveAt(now)
        && (ttr == null || ttr != -1)
        && refreshAt != null
        && !refreshAt.isAfter(now);
  }

  /**
   * Whether a key is a copy this cache keeps: {@code cached:public:<k>@<other>} or {@code
   * cached:@me:<k>@<other>}.
   *
   * @param key a key
   * @return true for such a copy
   */
  public boolean isCopy(AtKey key) {
    return key.cached() && isOrigin(key.withoutCached());
  }

  private boolean isOrigin(AtKey origin) {
    return !origin.cached()
        && origin.owner() != null
        && !origin.owner().equals(me)
        && (origin.visibility() == KeyVisibility.PUBLIC
            || (origin.visibility() == KeyVisibility.SHARED && me.equals(origin.sharedWith())));
  }

  private AtKey copyOf(AtKey origin) {
    if (!isOrigin(origin)) {
      throw new IllegalArgumentException(
          "not a key another atSign holds for " + me + ": " + origin);
    }
    return origin.asCached();
  }

  private Optional<StoredValue> fresh(AtKey copy) {
    Instant now = clock.instant();
    return store
        .get(copy.toString())
        .filter(v -> v.metadata().isActiveAt(now))
        .filter(v -> usable(v.metadata(), now));
  }

  private static boolean usable(Metadata m, Instant now) {
    if (m.ttr() != null && m.ttr() == -1) {
      return true;
    }
    return m.refreshAt() != null && !now.isAfter(m.refreshAt());
  }

  private CompletableFuture<RemoteValue> fetch(AtKey origin, AtKey copy, Executor executor) {
    return source
        .lookupAll(origin)
        .handle(
            (payload, failure) -> {
              if (failure != null) {
                if (isNotFound(failure)) {
                  return remove(copy, executor)
                      .thenCompose(v -> RemoteCache.<RemoteValue>failed(failure));
                }
                return RemoteCache.<RemoteValue>failed(failure);
              }
              if (payload == null || payload.equals("null")) {
                return remove(copy, executor)
                    .thenApply(v -> RemoteValue.inactive(origin.toString()));
              }
              return keep(origin, copy, parse(origin, payload), executor);
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<RemoteValue> keep(
      AtKey origin, AtKey copy, AtData data, Executor executor) {
    RemoteValue answer =
        new RemoteValue(origin.toString(), data.data(), data.metadata(), true, false);
    if (!cacheable(origin, data.metadata())) {
      return remove(copy, executor).thenApply(v -> answer);
    }
    return writer
        .put(
            copy,
            CommitOp.UPDATE,
            (current, now) ->
                new StoredValue(data.data(), copyMetadata(origin, data.metadata(), now)),
            executor)
        .thenApply(id -> answer);
  }

  private static boolean cacheable(AtKey origin, Metadata m) {
    if (m == null) {
      return false;
    }
    Long ttr = m.ttr();
    if (origin.visibility() == KeyVisibility.PUBLIC) {
      return ttr == null || ttr == -1 || ttr > 0;
    }
    return ttr != null && (ttr == -1 || ttr > 0);
  }

  private Metadata copyMetadata(AtKey origin, Metadata m, Instant now) {
    Long ttr = m.ttr();
    Instant refreshAt;
    if (ttr != null && ttr == -1) {
      refreshAt = null;
    } else if (ttr != null) {
      refreshAt = now.plusMillis(ttr);
    } else {
      refreshAt = now.plus(publicCacheTime);
    }
    return m.toBuilder().refreshAt(refreshAt).build();
  }

  private static AtData parse(AtKey origin, String payload) {
    try {
      return AtData.parse(payload);
    } catch (AtException e) {
      throw new AtException(
          AtErrorCode.HANDSHAKE_FAILURE,
          "the atServer of " + origin.owner() + " sent a malformed lookup answer",
          e);
    }
  }

  private static boolean isNotFound(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof AtException at && at.code() == AtErrorCode.KEY_NOT_FOUND;
  }

  private static <T> CompletableFuture<T> failed(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return CompletableFuture.failedFuture(cause);
  }
}
