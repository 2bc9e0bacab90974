package dev.atpj.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * An append-mostly log of records, addressable by id and ordered by time: notifications (list,
 * replay newer than a time, expire) and the access log (top-N statistics). Writes are durable like
 * keystore writes.
 */
public interface RecordLog {

  /**
   * Stores a record, replacing one with the same id.
   *
   * @param record the record
   * @return completes once durable
   */
  CompletableFuture<Void> put(LogRecord record);

  /**
   * Reads a record.
   *
   * @param id the record id
   * @return the record, or empty
   */
  Optional<LogRecord> get(String id);

  /**
   * Removes a record.
   *
   * @param id the record id
   * @return whether it existed
   */
  CompletableFuture<Boolean> remove(String id);

  /**
   * Visits records with {@code time >= from} in time order (then id order), streaming.
   *
   * @param from the earliest time
   * @param visitor called per record; return false to stop
   */
  void forEachSince(Instant from, Predicate<LogRecord> visitor);

  /**
   * Removes records older than a time, oldest first.
   *
   * @param cutoff records with {@code time < cutoff} go
   * @param max the most records to remove
   * @return how many were removed
   */
  CompletableFuture<Integer> removeOlderThan(Instant cutoff, int max);

  /**
   * Removes the oldest records.
   *
   * @param count how many to remove at most
   * @return how many were removed
   */
  CompletableFuture<Integer> removeOldest(int count);

  /** The number of records (approximate for persistent stores). */
  long approximateCount();
}
