package dev.atpj.server.notify;

/** Which way a stored notification went (the reference's {@code NotificationType}). */
public enum NotificationKind {
  /** Sent by this atSign to another atSign. */
  SENT,
  /**
   * Received from another atSign, or sent by this atSign to itself (its other clients; stored as
   * delivered without a network hop), as the reference does (docs/protocol.md B11).
   */
  RECEIVED,
  /**
   * The reference's type for enrollment requests, shown only to {@code monitor:selfNotifications}.
   * Kept so that records written before notifications to oneself became {@link #RECEIVED} still
   * decode (the codec stores the ordinal).
   */
  SELF
}
