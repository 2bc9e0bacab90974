package dev.atpj.server.notify;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;

/** Notifications for unit tests. */
final class NotificationsForTests {
  static final AtSign ALICE = AtSign.parse("@alice");
  static final AtSign BOB = AtSign.parse("@bob");

  private NotificationsForTests() {}

  /** A queued notification from alice to bob about {@code @bob:<entity>@alice}. */
  static Notification sent(String id, String entity, Instant createdAt) {
    return new Notification(
        id,
        NotificationKind.SENT,
        ALICE,
        BOB,
        "@bob:" + entity + "@alice",
        "value-" + id,
        NotifyOperation.UPDATE,
        MessageType.KEY,
        NotifyPriority.LOW,
        NotifyStrategy.ALL,
        1,
        Notification.DEFAULT_NOTIFIER,
        60_000,
        createdAt,
        NotificationStatus.QUEUED,
        0,
        true,
        Metadata.EMPTY);
  }

  /** The same with {@code strategy:latest}. */
  static Notification latest(String id, String notifier, int latestN, Instant createdAt) {
    Notification n = sent(id, "k", createdAt);
    return copy(
        n,
        n.kind(),
        n.key(),
        n.value(),
        n.messageType(),
        NotifyStrategy.LATEST,
        latestN,
        notifier,
        n.status(),
        true,
        n.metadata());
  }

  /** The same notification as bob's atServer holds it: received and delivered. */
  static Notification received(Notification n, String value, Metadata metadata) {
    return copy(
        n,
        NotificationKind.RECEIVED,
        n.key(),
        value,
        n.messageType(),
        n.strategy(),
        n.latestN(),
        n.notifier(),
        NotificationStatus.DELIVERED,
        true,
        metadata);
  }

  /** The same with another value and metadata (null for none). */
  static Notification withValue(Notification n, String value, Metadata metadata) {
    return copy(
        n,
        n.kind(),
        n.key(),
        value,
        n.messageType(),
        n.strategy(),
        n.latestN(),
        n.notifier(),
        n.status(),
        true,
        metadata);
  }

  /** The same as a text message: {@code key} is {@code @<to>:<text>}; no value or metadata. */
  static Notification text(Notification n, String key, String notifier) {
    return copy(
        n,
        n.kind(),
        key,
        null,
        MessageType.TEXT,
        n.strategy(),
        n.latestN(),
        notifier,
        n.status(),
        false,
        null);
  }

  private static Notification copy(
      Notification n,
      NotificationKind kind,
      String key,
      String value,
      MessageType messageType,
      NotifyStrategy strategy,
      int latestN,
      String notifier,
      NotificationStatus status,
      boolean encrypted,
      Metadata metadata) {
    return new Notification(
        n.id(),
        kind,
        n.from(),
        n.to(),
        key,
        value,
        n.operation(),
        messageType,
        n.priority(),
        strategy,
        latestN,
        notifier,
        n.ttlnMillis(),
        n.createdAt(),
        status,
        0,
        encrypted,
        metadata);
  }
}
