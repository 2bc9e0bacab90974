package dev.atpj.server.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an atServer's sync, statistics and operations, each defaulted here.
 *
 * @param syncPageLimit the most entries one {@code sync} reply carries (a client's smaller {@code
 *     limit} wins; the reference ignores the client's limit)
 * @param syncByteBudget approximate most bytes of one {@code sync} reply; the first entry always
 *     fits
 * @param statsTopN how many atSigns and keys {@code stats:5} and {@code stats:6} list
 * @param accessLogEnabled whether logins, authentications and lookups are recorded
 * @param commitLog compaction of the commit log
 * @param accessLog compaction of the access log
 * @param notificationLog compaction of the notification log
 * @param certificateCheckInterval how often the certificate files are checked for replacement
 *     ({@link Duration#ZERO}: never)
 */
public record OpsConfig(
    int syncPageLimit,
    long syncByteBudget,
    int statsTopN,
    boolean accessLogEnabled,
    LogCompaction commitLog,
    LogCompaction accessLog,
    LogCompaction notificationLog,
    Duration certificateCheckInterval) {

  /** Default {@link #syncPageLimit()}. */
  public static final int DEFAULT_SYNC_PAGE_LIMIT = 100;

  /** Default {@link #syncByteBudget()}: 5 MiB, the reference's sync buffer. */
  public static final long DEFAULT_SYNC_BYTE_BUDGET = 5L << 20;

  /** Default {@link #statsTopN()}, as the reference's {@code stats_top_visits}. */
  public static final int DEFAULT_STATS_TOP_N = 5;

  /** Default {@link #accessLogEnabled()}. */
  public static final boolean DEFAULT_ACCESS_LOG_ENABLED = true;

  /** Default {@link #commitLog()}: hourly; superseded entries kept a week, a million at most. */
  public static final LogCompaction DEFAULT_COMMIT_LOG =
      new LogCompaction(Duration.ofHours(1), Duration.ofDays(7), 1_000_000);

  /** Default {@link #accessLog()}: every 15 minutes; 15 days, 100,000 records at most. */
  public static final LogCompaction DEFAULT_ACCESS_LOG =
      new LogCompaction(Duration.ofMinutes(15), Duration.ofDays(15), 100_000);

  /** Default {@link #notificationLog()}: every 15 minutes; 15 days, 100,000 records at most. */
  public static final LogCompaction DEFAULT_NOTIFICATION_LOG =
      new LogCompaction(Duration.ofMinutes(15), Duration.ofDays(15), 100_000);

  /** Default {@link #certificateCheckInterval()}. */
  public static final Duration DEFAULT_CERTIFICATE_CHECK_INTERVAL = Duration.ofSeconds(60);

  /** The defaults. */
  public static final OpsConfig DEFAULT =
      new OpsConfig(
          DEFAULT_SYNC_PAGE_LIMIT,
          DEFAULT_SYNC_BYTE_BUDGET,
          DEFAULT_STATS_TOP_N,
          DEFAULT_ACCESS_LOG_ENABLED,
          DEFAULT_COMMIT_LOG,
          DEFAULT_ACCESS_LOG,
          DEFAULT_NOTIFICATION_LOG,
          DEFAULT_CERTIFICATE_CHECK_INTERVAL);

  /** Validates. */
  public OpsConfig {
    Objects.requireNonNull(commitLog, "commitLog");
    Objects.requireNonNull(accessLog, "accessLog");
    Objects.requireNonNull(notificationLog, "notificationLog");
    Objects.requireNonNull(certificateCheckInterval, "certificateCheckInterval");
    if (syncPageLimit < 1 || syncByteBudget < 1 || statsTopN < 1) {
      throw new IllegalArgumentException(
          "syncPageLimit, syncByteBudget and statsTopN must be positive");
    }
    if (certificateCheckInterval.isNegative()) {
      throw new IllegalArgumentException("certificateCheckInterval must be >= 0");
    }
  }

  /** A copy with other sync page limits. */
  public OpsConfig withSync(int pageLimit, long byteBudget) {
    return new OpsConfig(
        pageLimit,
        byteBudget,
        statsTopN,
        accessLogEnabled,
        commitLog,
        accessLog,
        notificationLog,
        certificateCheckInterval);
  }

  /** A copy with other compaction settings. */
  public OpsConfig withCompaction(
      LogCompaction commitLog, LogCompaction accessLog, LogCompaction notificationLog) {
    return new OpsConfig(
        syncPageLimit,
        syncByteBudget,
        statsTopN,
        accessLogEnabled,
        commitLog,
        accessLog,
        notificationLog,
        certificateCheckInterval);
  }

  /** A copy with another certificate check interval. */
  public OpsConfig withCertificateCheckInterval(Duration interval) {
    return new OpsConfig(
        syncPageLimit,
        syncByteBudget,
        statsTopN,
        accessLogEnabled,
        commitLog,
        accessLog,
        notificationLog,
        interval);
  }
}
