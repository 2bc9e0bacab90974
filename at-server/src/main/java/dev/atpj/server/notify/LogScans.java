package dev.atpj.server.notify;

import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.server.metrics.NotificationCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-log passes over the notification log: start-up recovery and {@code stats:11}. The log holds
 * unexpired records only (compaction), so a pass is bounded by what notifications live now, never
 * by the keystore.
 */
final class LogScans {
  private LogScans() {}

  /**
   * The sent notifications still queued and not expired, oldest first; also moves the log's time
   * past every record seen, so new records come after them.
   */
  static List<Notification> queuedSent(NotificationLog log, Instant now) {
    List<Notification> pending = new ArrayList<>();
    log.forEachRecordSince(
        Instant.EPOCH,
        r -> {
          log.observe(r.time());
          byte[] data = r.data();
          if (NotificationCodec.kind(data) == NotificationKind.SENT
              && NotificationCodec.status(data) == NotificationStatus.QUEUED) {
            Notification n = NotificationLog.decode(r.id(), r.time(), data);
            if (n != null && !n.isExpiredAt(now)) {
              pending.add(n);
            }
          }
          return true;
        });
    return pending;
  }

  /** What the log holds, grouped as {@code stats:11} (NotificationCount) shows it. */
  static NotificationCounts counts(NotificationLog log, Instant now) {
    long[] c = new long[10];
    log.forEachRecordSince(
        Instant.EPOCH,
        r -> {
          Notification n = NotificationLog.decode(r.id(), r.time(), r.data());
          if (n == null) {
            return true;
          }
          c[0]++;
          c[n.kind() == NotificationKind.SENT ? 1 : 2]++;
          switch (n.statusAt(now)) {
            case DELIVERED -> c[3]++;
            case QUEUED -> c[5]++;
            default -> c[4]++;
          }
          c[n.operation() == NotifyOperation.DELETE ? 7 : 6]++;
          c[n.messageType() == MessageType.TEXT ? 9 : 8]++;
          return true;
        });
    return new NotificationCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
  }
}
