package dev.atpj.server.stats;

import dev.atpj.store.LogRecord;
import dev.atpj.store.RecordLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects access entries and writes them to the store's access log in groups: entries wait in
 * memory until {@link #flush()} (the ops jobs call it every second, statistics before reading, the
 * server when it closes) or until {@value #FLUSH_AT} are waiting, so a busy lookup path costs one
 * group-committed storage batch per group rather than a synced write per lookup. At most {@value
 * #MAX_WAITING} entries wait; beyond that entries are dropped and counted. Feeds {@code stats:5},
 * {@code 6}, {@code 8} and {@code 10}.
 */
public final class AccessLog {
  /** Waiting entries that trigger a flush. */
  public static final int FLUSH_AT = 512;

  /** Waiting entries at most. */
  public static final int MAX_WAITING = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private final RecordLog log;
  private final Clock clock;
  private final boolean enabled;
  private final String idPrefix;
  private final AtomicLong sequence = new AtomicLong();
  private final Queue<LogRecord> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waitingCount = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * An access log.
   *
   * @param log the store's access log
   * @param clock the server's clock
   * @param enabled whether entries are written at all
   */
  public AccessLog(RecordLog log, Clock clock, boolean enabled) {
    this.log = log;
    this.clock = clock;
    this.enabled = enabled;
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.idPrefix = HexFormat.of().formatHex(random) + "-";
  }

  /** The log read by statistics; call {@link #flush()} first to include waiting entries. */
  public RecordLog records() {
    return log;
  }

  /** Entries dropped because too many were waiting. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Records an access.
   *
   * @param verb what was done
   * @param atSign by whom ({@code ""} or null when unauthenticated)
   * @param key the key concerned, or null
   */
  public void record(String verb, String atSign, String key) {
    if (!enabled) {
      return;
    }
    if (waitingCount.get() >= MAX_WAITING) {
      dropped.incrementAndGet();
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AccessEntry entry = new AccessEntry(now, verb, atSign, key);
    String id = idPrefix + now.toEpochMilli() + "-" + sequence.incrementAndGet();
    waiting.add(new LogRecord(id, now, entry.encode()));
    if (waitingCount.incrementAndGet() >= FLUSH_AT) {
      flush();
    }
  }

  /**
   * Writes the waiting entries; they are submitted back to back, so the store commits them in one
   * or a few batches.
   *
   * @return completes when they are durable (failures are logged, not thrown)
   */
  public CompletableFuture<Void> flush() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    LogRecord record;
    while ((record = waiting.poll()) != null) {
      waitingCount.decrementAndGet();
      try {
        writes.add(log.put(record));
      } catch (RuntimeException e) {
        LOG.warn("event=accessLog.failed", e);
        break;
      }
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .exceptionally(
            failure -> {
              LOG.warn("event=accessLog.failed", failure);
              return null;
            });
  }
}
