package dev.atpj.server.notify;

import dev.atpj.store.LogRecord;
import dev.atpj.store.RecordLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The notifications of one atSign in its store's notification log. Sent notifications are kept
 * under {@code s:<id>}, received and self ones under {@code r:<id>}, so one id can be both (a
 * notification to oneself is only {@code r:}). The received record is also the recipient's
 * duplicate check: it lives as long as the notification (its ttln), and a sender never retries past
 * that.
 *
 * <p>Record times come from {@link #nextTime()}: the clock's millisecond, but always after the last
 * one handed out, so times are unique and increasing. A monitor replaying "newer than epochMillis"
 * therefore misses nothing that shares a millisecond, and a replay can continue after the last time
 * it sent.
 */
final class NotificationLog {
  static final String SENT_PREFIX = "s:";
  static final String RECEIVED_PREFIX = "r:";

  private final RecordLog log;
  private final Clock clock;
  private long lastMillis = Long.MIN_VALUE;

  NotificationLog(RecordLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A unique, increasing record time: the clock's, or one millisecond after the last. */
  synchronized Instant nextTime() {
    long now = clock.millis();
    lastMillis = Math.max(now, lastMillis == Long.MIN_VALUE ? now : lastMillis + 1);
    return Instant.ofEpochMilli(lastMillis);
  }

  /** Notes a time found in the log at start-up, so new times come after it. */
  synchronized void observe(Instant time) {
    lastMillis = Math.max(lastMillis, time.toEpochMilli());
  }

  /** Stores (or replaces) a notification; completes once durable. */
  CompletableFuture<Void> put(Notification n) {
    return log.put(
        new LogRecord(recordId(n.kind(), n.id()), n.createdAt(), NotificationCodec.encode(n)));
  }

  /** A notification this atSign sent, by id. */
  Optional<Notification> sent(String id) {
    return read(SENT_PREFIX + id);
  }

  /** A notification this atSign received (or sent to itself), by id. */
  Optional<Notification> received(String id) {
    return read(RECEIVED_PREFIX + id);
  }

  /** Whether a received notification with this id is stored (the duplicate check). */
  boolean hasReceived(String id) {
    return log.get(RECEIVED_PREFIX + id).isPresent();
  }

  /** Removes a sent and a received notification of this id; true when one existed. */
  CompletableFuture<Boolean> remove(String id) {
    CompletableFuture<Boolean> sent = log.remove(SENT_PREFIX + id);
    CompletableFuture<Boolean> received = log.remove(RECEIVED_PREFIX + id);
    return sent.thenCombine(received, (a, b) -> a || b);
  }

  /** Removes one record by its record id. */
  CompletableFuture<Boolean> removeRecord(String recordId) {
    return log.remove(recordId);
  }

  /**
   * Visits records with a time at or after {@code from}, in time order, decoding those the filter
   * keeps.
   *
   * @param from the earliest record time
   * @param keep which records to decode, by record id and bytes (see {@link NotificationCodec})
   * @param visitor called per decoded notification; return false to stop
   */
  void forEachSince(Instant from, RecordFilter keep, Predicate<Notification> visitor) {
    log.forEachSince(
        from,
        r -> {
          byte[] data = r.data();
          if (!keep.test(r.id(), data)) {
            return true;
          }
          Notification n = decode(r.id(), r.time(), data);
          return n == null || visitor.test(n);
        });
  }

  /** Visits raw records at or after {@code from}, in time order (compaction, start-up). */
  void forEachRecordSince(Instant from, Predicate<LogRecord> visitor) {
    log.forEachSince(from, visitor);
  }

  /** The record id of a notification. */
  static String recordId(NotificationKind kind, String id) {
    return (kind == NotificationKind.SENT ? SENT_PREFIX : RECEIVED_PREFIX) + id;
  }

  /**
   * Decodes a record of this log.
   *
   * @return the notification, or null for a record that is not one (another format, damaged)
   */
  static Notification decode(String recordId, Instant time, byte[] data) {
    if (!(recordId.startsWith(SENT_PREFIX) || recordId.startsWith(RECEIVED_PREFIX))
        || !NotificationCodec.isNotification(data)) {
      return null;
    }
    try {
      return NotificationCodec.decode(recordId.substring(2), time, data);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Optional<Notification> read(String recordId) {
    return log.get(recordId).map(r -> decode(r.id(), r.time(), r.data()));
  }

  /** Which raw records to decode. */
  @FunctionalInterface
  interface RecordFilter {
    /**
     * Whether to decode a record.
     *
     * @param recordId {@code s:<id>} or {@code r:<id>}
     * @param data the record bytes
     * @return true to decode and visit it
     */
    boolean test(String recordId, byte[] data);
  }
}
