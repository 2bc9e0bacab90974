package dev.atpj.server.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.command.NotifyAll;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.data.KeyChange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns {@code notify} commands and key changes into {@link Notification}s, with the reference's
 * defaults (docs/protocol.md B11): operation update, message type key, priority low, strategy all,
 * notifier {@code SYSTEM}, latestN 1, ttln {@link NotificationConfig#defaultTtln()} when absent or
 * 0. A key message is encrypted unless its key is public; a text message is as its {@code
 * isEncrypted} option says.
 */
final class NotificationFactory {
  private final AtSign me;
  private final Duration defaultTtln;

  NotificationFactory(AtSign me, Duration defaultTtln) {
    this.me = me;
    this.defaultTtln = defaultTtln;
  }

  /**
   * A notification the owner sends ({@code notify} on an owner connection).
   *
   * @throws AtException AT0022 without a recipient atSign, AT0009 for a key of another atSign
   */
  Notification outgoing(Notify c, Instant createdAt) {
    AtSign to = recipient(c);
    String key;
    if (c.isText()) {
      key = to + ":" + c.text();
    } else {
      AtSign owner = c.key().owner() == null ? me : c.key().owner();
      if (!owner.equals(me)) {
        throw new AtException(
            AtErrorCode.UNAUTHORIZED, owner + " is not authorized to send notification as " + me);
      }
      key = to + ":" + c.key().entity() + me;
    }
    boolean self = to.equals(me);
    return build(
        c,
        self ? NotificationKind.RECEIVED : NotificationKind.SENT,
        me,
        to,
        key,
        createdAt,
        self ? NotificationStatus.DELIVERED : NotificationStatus.QUEUED);
  }

  /**
   * A notification another atServer delivers ({@code notify} on a pol-authenticated connection).
   *
   * @param peer the atSign the connection proved to be
   * @throws AtException AT0022 when it is not for this atSign, AT0009 for a key the peer does not
   *     own
   */
  Notification incoming(Notify c, AtSign peer, Instant createdAt) {
    AtSign to = recipient(c);
    if (!to.equals(me)) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "this atServer serves " + me + ", not " + to);
    }
    String key;
    if (c.isText()) {
      key = me + ":" + c.text();
    } else {
      AtSign owner = c.key().owner() == null ? peer : c.key().owner();
      if (!owner.equals(peer)) {
        throw new AtException(
            AtErrorCode.UNAUTHORIZED, peer + " cannot notify about a key of " + owner);
      }
      key = me + ":" + c.key().entity() + owner;
    }
    return build(
        c, NotificationKind.RECEIVED, peer, to, key, createdAt, NotificationStatus.DELIVERED);
  }

  /**
   * The notification of a change to a key shared with another atSign (autoNotify, B7): the value
   * and the client-set metadata for an update, nothing but the key for a delete. Its id is derived
   * from the commit id, so the same change always gives the same notification.
   */
  Notification ofChange(KeyChange change, Instant createdAt) {
    AtKey key = change.key();
    boolean delete = change.isDelete();
    Metadata metadata =
        delete || change.value() == null ? Metadata.EMPTY : clientFields(change.value().metadata());
    return new Notification(
        changeId(change.commitId()),
        NotificationKind.SENT,
        me,
        key.sharedWith(),
        key.toString(),
        delete || change.value() == null ? null : change.value().value(),
        delete ? NotifyOperation.DELETE : NotifyOperation.UPDATE,
        MessageType.KEY,
        NotifyPriority.LOW,
        NotifyStrategy.ALL,
        1,
        Notification.DEFAULT_NOTIFIER,
        defaultTtln.toMillis(),
        createdAt,
        NotificationStatus.QUEUED,
        0,
        true,
        metadata);
  }

  /** Whether a committed change is one autoNotify sends: a key of mine shared with another. */
  boolean isAutoNotified(AtKey key) {
    return !key.cached()
        && key.visibility() == KeyVisibility.SHARED
        && me.equals(key.owner())
        && key.sharedWith() != null
        && !key.sharedWith().equals(me);
  }

  /** The id of the notification of a committed change. */
  String changeId(long commitId) {
    return UUID.nameUUIDFromBytes((me + "#" + commitId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private Notification build(
      Notify c,
      NotificationKind kind,
      AtSign from,
      AtSign to,
      String key,
      Instant createdAt,
      NotificationStatus status) {
    Metadata metadata = c.options().toMetadata();
    MessageType type = c.messageType() == null ? MessageType.KEY : c.messageType();
    boolean encrypted =
        type == MessageType.TEXT
            ? Boolean.TRUE.equals(metadata.isEncrypted())
            : c.key().visibility() != KeyVisibility.PUBLIC;
    return new Notification(
        c.id() == null ? UUID.randomUUID().toString() : c.id(),
        kind,
        from,
        to,
        key,
        c.value(),
        c.operation() == null ? NotifyOperation.UPDATE : c.operation(),
        type,
        c.priority() == null ? NotifyPriority.LOW : c.priority(),
        c.strategy() == null ? NotifyStrategy.ALL : c.strategy(),
        c.latestN() == null || c.latestN() < 1 ? 1 : c.latestN(),
        c.notifier() == null ? Notification.DEFAULT_NOTIFIER : c.notifier(),
        c.ttln() == null || c.ttln() == 0 ? defaultTtln.toMillis() : c.ttln(),
        createdAt,
        status,
        0,
        encrypted,
        metadata);
  }

  private static AtSign recipient(Notify c) {
    if (c.recipient() == null) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "a notification goes to an atSign: notify:@<atSign>:...");
    }
    return c.recipient();
  }

  /** The metadata a client sets (B7 options), without what the server maintains. */
  static Metadata clientFields(Metadata m) {
    return Metadata.builder()
        .ttl(m.ttl())
        .ttb(m.ttb())
        .ttr(m.ttr())
        .ccd(m.ccd())
        .dataSignature(m.dataSignature())
        .sharedKeyStatus(m.sharedKeyStatus())
        .isBinary(m.isBinary())
        .isEncrypted(m.isEncrypted())
        .sharedKeyEnc(m.sharedKeyEnc())
        .pubKeyCS(m.pubKeyCS())
        .pubKeyHash(m.pubKeyHash())
        .hashingAlgo(m.hashingAlgo())
        .encoding(m.encoding())
        .encKeyName(m.encKeyName())
        .encAlgo(m.encAlgo())
        .ivNonce(m.ivNonce())
        .skeEncKeyName(m.skeEncKeyName())
        .skeEncAlgo(m.skeEncAlgo())
        .immutable(m.immutable())
        .build();
  }

  /** The {@code notify} of one recipient of a {@code notify:all}. */
  static Notify single(NotifyAll c, AtSign to) {
    boolean text = c.messageType() == MessageType.TEXT;
    return new Notify(
        null,
        c.operation(),
        c.messageType(),
        null,
        null,
        null,
        null,
        null,
        c.options(),
        to,
        text ? null : AtKey.ofShared(to, c.key().entity(), c.key().owner()),
        text ? c.key().entity() : null,
        text ? null : c.value());
  }
}
