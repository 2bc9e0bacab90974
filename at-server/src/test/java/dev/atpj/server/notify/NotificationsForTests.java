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
    return new Notification(
        n.id(),
        n.kind(),
        n.from(),
        n.to(),
        n.key(),
        n.value(),
        n.operation(),
        n.messageType(),
        n.priority(),
        NotifyStrategy.LATEST,
        latestN,
        notifier,
        n.ttlnMillis(),
        n.createdAt(),
        n.status(),
        0,
        true,
        n.metadata());
  }
}
