package dev.atpj.server.notify;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.server.data.KeyChange;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the gap between a shared key's commit and its autoNotify record: the key is committed
 * first and its notification is stored right after, so a crash in between would lose the
 * notification. A checkpoint (the server property {@value #CHECKPOINT}) says up to which commit id
 * every autoNotify record is durable; it is written in the background, one period late, so every
 * change it covers has long been reported. At start, the commit log after the checkpoint is read
 * (never the keystore) and each change to a shared key whose notification is missing is notified
 * again, with the key's current value. Notification ids derive from commit ids, so this never sends
 * one twice.
 */
final class AutoNotifyRecovery {
  static final String CHECKPOINT = "notifications.autoNotifyCommitId";
  private static final Logger LOG = LoggerFactory.getLogger(AutoNotifyRecovery.class);

  /** The most commit-log entries read at start. */
  static final int MAX_ENTRIES = 100_000;

  private final AtStore store;
  private final NotificationFactory factory;
  private final NotificationLog log;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration ttln;
  private final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
  private long candidate = Long.MIN_VALUE;
  private long written = Long.MIN_VALUE;

  AutoNotifyRecovery(
      AtStore store,
      NotificationFactory factory,
      NotificationLog log,
      Outbox outbox,
      Clock clock,
      Duration ttln) {
    this.store = store;
    this.factory = factory;
    this.log = log;
    this.outbox = outbox;
    this.clock = clock;
    this.ttln = ttln;
  }

  /** Notes that the record of a change's notification is being written. */
  void writing(long commitId) {
    pending.add(commitId);
  }

  /** Notes that it is durable (or failed). */
  void written(long commitId) {
    pending.remove(commitId);
  }

  /**
   * Notifies again the changes after the checkpoint whose notification is missing.
   *
   * @return how many were notified again
   */
  int recover() {
    Optional<String> checkpoint = store.serverProperty(CHECKPOINT);
    if (checkpoint.isEmpty()) { // first start with notifications: nothing was missed
      store.putServerProperty(CHECKPOINT, Long.toString(store.lastCommitId())).join();
      return 0;
    }
    long from = Long.parseLong(checkpoint.get());
    Instant now = clock.instant();
    int recovered = 0;
    List<CommitEntry> entries = store.commitLog().entriesSince(from, MAX_ENTRIES);
    for (CommitEntry e : entries) {
      AtKey key = key(e.key());
      if (key == null
          || !factory.isAutoNotified(key)
          || !e.opTime().plus(ttln).isAfter(now)
          || log.sent(factory.changeId(e.commitId())).isPresent()) {
        continue;
      }
      StoredValue value = null;
      if (e.op() != CommitOp.DELETE) {
        value = store.get(e.key()).orElse(null);
        if (value == null) {
          continue; // deleted since: its delete has its own commit
        }
      }
      Notification n =
          factory.ofChange(new KeyChange(key, e.op(), value, e.commitId()), log.nextTime());
      outbox.enqueue(n, log.put(n));
      recovered++;
    }
    if (recovered > 0) {
      LOG.info("{} autoNotify notifications were missing after a restart and are sent", recovered);
    }
    return recovered;
  }

  /**
   * Writes the checkpoint found at the previous call and finds the next one: the commit id before
   * the oldest notification record still being written, or the last commit id.
   */
  void checkpoint() {
    long next = pending.isEmpty() ? store.lastCommitId() : pending.first() - 1;
    long due = candidate;
    candidate = next;
    if (due != Long.MIN_VALUE && due != written) {
      written = due;
      store
          .putServerProperty(CHECKPOINT, Long.toString(due))
          .exceptionally(
              failure -> {
                LOG.warn("writing the autoNotify checkpoint failed", failure);
                return null;
              });
    }
  }

  private static AtKey key(String text) {
    try {
      return AtKey.parse(text);
    } catch (AtException e) {
      return null;
    }
  }
}
