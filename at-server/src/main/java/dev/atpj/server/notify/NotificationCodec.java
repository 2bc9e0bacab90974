package dev.atpj.server.notify;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The bytes of a notification record in the notification log. The id and {@code createdAt} are the
 * record's own id (without its kind prefix) and time, so they are not repeated. The first three
 * bytes are the format version, the kind and the status, so start-up recovery can skip records
 * without decoding them.
 */
final class NotificationCodec {
  private static final byte VERSION = 1;

  private NotificationCodec() {}

  /** The record bytes of a notification. */
  static byte[] encode(Notification n) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + length(n.value()));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(n.kind().ordinal());
      out.writeByte(n.status().ordinal());
      text(out, n.from().toString());
      text(out, n.to().toString());
      text(out, n.key());
      text(out, n.value());
      out.writeByte(n.operation().ordinal());
      out.writeByte(n.messageType().ordinal());
      out.writeByte(n.priority().ordinal());
      out.writeByte(n.strategy().ordinal());
      out.writeInt(n.latestN());
      text(out, n.notifier());
      out.writeLong(n.ttlnMillis());
      out.writeInt(n.attempts());
      out.writeBoolean(n.encrypted());
      text(out, n.metadata().equals(Metadata.EMPTY) ? null : MetadataJson.render(n.metadata()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a record; {@code id} and {@code createdAt} come from the record. */
  static Notification decode(String id, Instant createdAt, byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown notification record version " + version);
      }
      NotificationKind kind = NotificationKind.values()[in.readByte()];
      NotificationStatus status = NotificationStatus.values()[in.readByte()];
      AtSign from = AtSign.parse(text(in));
      AtSign to = AtSign.parse(text(in));
      String key = text(in);
      String value = text(in);
      NotifyOperation operation = NotifyOperation.values()[in.readByte()];
      MessageType messageType = MessageType.values()[in.readByte()];
      NotifyPriority priority = NotifyPriority.values()[in.readByte()];
      NotifyStrategy strategy = NotifyStrategy.values()[in.readByte()];
      int latestN = in.readInt();
      String notifier = text(in);
      long ttln = in.readLong();
      int attempts = in.readInt();
      boolean encrypted = in.readBoolean();
      String metadata = text(in);
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
          ttln,
          createdAt,
          status,
          attempts,
          encrypted,
          metadata == null ? Metadata.EMPTY : MetadataJson.parse(metadata));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether record bytes have this format's header (the log may hold other records). */
  static boolean isNotification(byte[] data) {
    return data.length >= 3
        && data[0] == VERSION
        && data[1] >= 0
        && data[1] < NotificationKind.values().length
        && data[2] >= 0
        && data[2] < NotificationStatus.values().length;
  }

  /** The kind of a record, read from its header; null for bytes of another format. */
  static NotificationKind kind(byte[] data) {
    return isNotification(data) ? NotificationKind.values()[data[1]] : null;
  }

  /** The status of a record, read from its header; null for bytes of another format. */
  static NotificationStatus status(byte[] data) {
    return isNotification(data) ? NotificationStatus.values()[data[2]] : null;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = in.readNBytes(length);
    if (utf8.length != length) {
      throw new IOException("truncated notification record");
    }
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
