package dev.atpj.server.stats;

import dev.atpj.store.LogRecord;
import dev.atpj.store.RecordLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access entries to the store's access log, without waiting: the write is group-committed
 * with others and a failure is only logged. Feeds {@code stats:5}, {@code 6}, {@code 8}, {@code
 * 10}.
 */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private final RecordLog log;
  private final Clock clock;
  private final boolean enabled;
  private final String idPrefix;
  private final AtomicLong sequence = new AtomicLong();

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

  /** The log read by statistics. */
  public RecordLog records() {
    return log;
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
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AccessEntry entry = new AccessEntry(now, verb, atSign, key);
    String id = idPrefix + now.toEpochMilli() + "-" + sequence.incrementAndGet();
    try {
      log.put(new LogRecord(id, now, entry.encode()))
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  LOG.warn("event=accessLog.failed verb={}", verb, failure);
                }
              });
    } catch (RuntimeException e) {
      LOG.warn("event=accessLog.failed verb={}", verb, e);
    }
  }
}
