package dev.atpj.server.metrics;

/**
 * What {@code stats:11} (NotificationCount) reports about the notification log (docs/protocol.md
 * B13), as the reference groups it.
 *
 * @param total notifications stored
 * @param sent sent by this atSign
 * @param received received by this atSign
 * @param delivered delivered
 * @param failed given up
 * @param queued waiting to be delivered
 * @param updates of operation update
 * @param deletes of operation delete
 * @param keys of message type key
 * @param texts of message type text
 */
public record NotificationCounts(
    long total,
    long sent,
    long received,
    long delivered,
    long failed,
    long queued,
    long updates,
    long deletes,
    long keys,
    long texts) {

  /**
   * Counts that know only the total, until the notification feature reports more.
   *
   * @param total notifications stored
   * @return the counts
   */
  public static NotificationCounts ofTotal(long total) {
    return new NotificationCounts(total, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
