package dev.atpj.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The durable store of one atSign.
 *
 * <p><b>Reads</b> ({@link #get}, {@link #exists}, {@link #forEachKey}, the commit log's reads) are
 * synchronous and fast enough to run on an event-loop thread. They see every write whose future has
 * completed, and never part of a batch.
 *
 * <p><b>Writes</b> return futures that complete once the write is durable as {@link StoreConfig}
 * says (by default: the write-ahead log is synced). They never block the caller. A key's change,
 * its commit-log entry, its latest-commit record and its expiry-index entry are one atomic write.
 * Futures complete on the store's commit thread: chain blocking work with an {@code ...Async}
 * method on an executor of your own, and never wait on another store future inside a callback. A
 * failed write completes its future exceptionally with an {@link dev.atpj.protocol.AtException} of
 * code {@code DATA_STORE}.
 *
 * <p><b>Commit ids</b> are assigned in commit order from 0 upwards, under the same sequence as the
 * write, so after a crash the log and the keystore always agree. Keys are canonical strings; the
 * caller decides whether a write is committed (docs/protocol.md B6). Keys are ordered by Unicode
 * code point (the same as their UTF-8 bytes).
 */
public interface AtStore extends AutoCloseable {

  /**
   * Reads a key.
   *
   * @param key the canonical key
   * @return the stored value (active or not), or empty when the key does not exist
   */
  Optional<StoredValue> get(String key);

  /**
   * Whether a key exists (active or not).
   *
   * @param key the canonical key
   * @return true when a value is stored under it
   */
  boolean exists(String key);

  /**
   * Stores a value.
   *
   * @param key the canonical key
   * @param value the value and metadata, stored as given (the caller merges metadata)
   * @param op the commit-log operation ({@code +}, {@code #} or {@code *}; not DELETE), or {@code
   *     null} for a key type that is not committed
   * @return the new commit id, or -1 when not committed
   */
  CompletableFuture<Long> put(String key, StoredValue value, CommitOp op);

  /**
   * Deletes a key. Deleting a missing key is no error and, when committed, still commits.
   *
   * @param key the canonical key
   * @param committed whether to add a DELETE entry to the commit log
   * @return the new commit id, or -1 when not committed
   */
  CompletableFuture<Long> delete(String key, boolean committed);

  /**
   * Applies several mutations as one atomic, durable batch, in list order.
   *
   * @param mutations the changes
   * @return one result per mutation, as {@link #put} and {@link #delete} return
   */
  CompletableFuture<List<Long>> apply(List<Mutation> mutations);

  /**
   * Visits keys in key order, streaming from a consistent snapshot.
   *
   * @param prefix only keys starting with this ({@code ""} for all)
   * @param visitor called per key; return false to stop
   */
  void forEachKey(String prefix, Predicate<KeyEntry> visitor);

  /** The commit log. */
  CommitLog commitLog();

  /** The highest durable commit id, or -1 when nothing was ever committed. */
  default long lastCommitId() {
    return commitLog().lastCommitId();
  }

  /**
   * Keys whose expiry time has passed, from the expiry index (never a keystore scan).
   *
   * @param now the current time
   * @param max the most keys to return
   * @return expired keys, earliest expiry first
   */
  List<String> expiredKeys(Instant now, int max);

  /**
   * Deletes keys whose expiry time has passed. A key that was ever committed gets a DELETE commit.
   *
   * @param now the current time
   * @param max the most keys to remove in one call
   * @return how many keys were removed
   */
  CompletableFuture<Integer> removeExpired(Instant now, int max);

  /** The log of received and sent notifications (callers define the record bytes). */
  RecordLog notifications();

  /** The access log (callers define the record bytes). */
  RecordLog accessLog();

  /**
   * Reads a server property, such as whether the signing key was generated.
   *
   * @param name the property name
   * @return its value, or empty
   */
  Optional<String> serverProperty(String name);

  /**
   * Writes a server property durably.
   *
   * @param name the property name
   * @param value the value, or {@code null} to remove it
   * @return completes once durable
   */
  CompletableFuture<Void> putServerProperty(String name, String value);

  /** Approximate bytes used by the store (B13 {@code secondaryStorageSize}). */
  long approximateSizeBytes();

  /**
   * Completes queued writes, then releases everything. Reads and writes afterwards fail with {@code
   * DATA_STORE}.
   */
  @Override
  void close();
}
