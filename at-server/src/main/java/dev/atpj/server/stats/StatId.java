package dev.atpj.server.stats;

import java.util.Optional;

/** The statistics {@code stats} offers, with their ids and names (docs/protocol.md B13). */
public enum StatId {
  /** Open inbound connections. */
  ACTIVE_INBOUND_CONNECTIONS(1, "activeInboundConnections"),
  /** Open outbound connections. */
  ACTIVE_OUTBOUND_CONNECTIONS(2, "activeOutboundConnections"),
  /** The last commit id (of keys matching a regex, with one). */
  LAST_COMMIT_ID(3, "lastCommitID"),
  /** Bytes of the storage folder. */
  SECONDARY_STORAGE_SIZE(4, "secondaryStorageSize"),
  /** The atSigns that authenticated with pol most often. */
  TOP_AT_SIGNS(5, "topAtSigns"),
  /** The keys looked up most often. */
  TOP_KEYS(6, "topKeys"),
  /** The server's version. */
  SECONDARY_SERVER_VERSION(7, "secondaryServerVersion"),
  /** The last owner login. */
  LAST_LOGGED_IN_DATETIME(8, "LastLoggedInDatetime"),
  /** The storage folder's size with a unit. */
  DISK_SIZE(9, "diskSize"),
  /** The last pkam. */
  LAST_PKAM(10, "LastPkam"),
  /** Notifications by type, status, operation and message type. */
  NOTIFICATION_COUNT(11, "NotificationCount"),
  /** The last commit-log compaction. */
  COMMIT_LOG_COMPACTION(12, "CommitLogCompactionStats"),
  /** The last access-log compaction. */
  ACCESS_LOG_COMPACTION(13, "AccessLogCompactionStats"),
  /** The last notification-log compaction. */
  NOTIFICATION_COMPACTION(14, "NotificationCompactionStats"),
  /** The latest commit id and operation of each key (of keys matching a regex, with one). */
  LATEST_COMMIT_ENTRY_OF_EACH_KEY(15, "LatestCommitEntryOfEachKey");

  private final int id;
  private final String wireName;

  StatId(int id, String wireName) {
    this.id = id;
    this.wireName = wireName;
  }

  /** The id clients ask for. */
  public int id() {
    return id;
  }

  /** The name in the reply. */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks a statistic up by id.
   *
   * @param id the id
   * @return the statistic, or empty for an unknown id
   */
  public static Optional<StatId> of(int id) {
    StatId[] all = values();
    return id >= 1 && id <= all.length ? Optional.of(all[id - 1]) : Optional.empty();
  }
}
