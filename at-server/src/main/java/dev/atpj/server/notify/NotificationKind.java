package dev.atpj.server.notify;

/** Which way a stored notification went (the reference's {@code NotificationType}). */
public enum NotificationKind {
  /** Sent by this atSign to another atSign. */
  SENT,
  /** Received from another atSign. */
  RECEIVED,
  /** Sent by this atSign to itself (its other clients); stored as delivered. */
  SELF
}
