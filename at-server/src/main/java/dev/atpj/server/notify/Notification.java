package dev.atpj.server.notify;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored notification, sent, received or to oneself (docs/protocol.md B11). Immutable; status
 * changes copy it.
 *
 * @param id the notification id (a UUID, or what the sender chose)
 * @param kind sent, received or self
 * @param from the sender
 * @param to the recipient
 * @param key the notification key: {@code @<to>:<entity>@<from>}, or {@code @<to>:<text>} for a
 *     text message
 * @param value the value, or null
 * @param operation update or delete
 * @param messageType key or text
 * @param priority the priority the sender asked for
 * @param strategy all or latest
 * @param latestN with strategy latest, how many to keep per notifier
 * @param notifier the notifier name ({@code SYSTEM} by default)
 * @param ttlnMillis how long the notification lives, from {@code createdAt}
 * @param createdAt when this atServer stored it; unique per atServer and increasing, it orders the
 *     log and is the {@code epochMillis} monitors see
 * @param status where it is on its way
 * @param attempts how many times this atServer tried to deliver it
 * @param encrypted whether the value is ciphertext ({@code isEncrypted})
 * @param metadata the metadata options it carries (ttl, ttr, ccd, ivNonce, ...); never null
 */
public record Notification(
    String id,
    NotificationKind kind,
    AtSign from,
    AtSign to,
    String key,
    String value,
    NotifyOperation operation,
    MessageType messageType,
    NotifyPriority priority,
    NotifyStrategy strategy,
    int latestN,
    String notifier,
    long ttlnMillis,
    Instant createdAt,
    NotificationStatus status,
    int attempts,
    boolean encrypted,
    Metadata metadata) {

  /** The notifier when none is given (B11). */
  public static final String DEFAULT_NOTIFIER = "SYSTEM";

  /** Validates. */
  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** When the notification expires: {@code createdAt + ttln}. */
  public Instant expiresAt() {
    return createdAt.plusMillis(ttlnMillis);
  }

  /** Whether the notification has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt());
  }

  /** The status as it stands at {@code now}: a queued notification past its ttln is expired. */
  public NotificationStatus statusAt(Instant now) {
    return status == NotificationStatus.QUEUED && isExpiredAt(now)
        ? NotificationStatus.EXPIRED
        : status;
  }

  /** A copy with another status. */
  public Notification withStatus(NotificationStatus newStatus) {
    return copy(newStatus, attempts);
  }

  /** A copy with another attempt count. */
  public Notification withAttempts(int count) {
    return copy(status, count);
  }

  private Notification copy(NotificationStatus newStatus, int count) {
    return new Notification(
        id,
        kind,
        from,
        to,
        key,
        value,
        operation,
        messageType,
        priority,
        strategy,
        latestN,
        notifier,
        ttlnMillis,
        createdAt,
        newStatus,
        count,
        encrypted,
        metadata);
  }

  /** Whether the sender asked to keep only the latest N per notifier. */
  public boolean isLatestOnly() {
    return strategy == NotifyStrategy.LATEST;
  }
}
