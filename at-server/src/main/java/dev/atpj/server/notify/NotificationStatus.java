package dev.atpj.server.notify;

/** Where a notification is on its way (docs/protocol.md B11 {@code notify:status}). */
public enum NotificationStatus {
  /** Waiting to be delivered (or being delivered). */
  QUEUED("queued"),
  /** The recipient's atServer has it (received and self notifications are delivered at once). */
  DELIVERED("delivered"),
  /** Given up: the recipient cannot be found, refuses it, or the attempts ran out. */
  ERRORED("errored"),
  /** Not delivered before its ttln ran out, or superseded under {@code strategy:latest}. */
  EXPIRED("expired");

  private final String wireName;

  NotificationStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The status as {@code notify:status} answers it. */
  public String wireName() {
    return wireName;
  }
}
