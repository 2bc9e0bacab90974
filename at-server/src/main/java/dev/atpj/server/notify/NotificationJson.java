package dev.atpj.server.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON shapes of notifications (docs/protocol.md B11, C9).
 *
 * <p>Monitor shape, as the reference's {@code monitor_verb_handler.dart} writes it and at_java
 * reads it: {@code {"id":"…","from":"@alice","to":"@bob","key":"@bob:k@alice","value":"…",
 * "operation":"update","epochMillis":1700000000000,"messageType":"MessageType.key",
 * "isEncrypted":true,"metadata":{…}}}: {@code id} a string, {@code epochMillis} a number, {@code
 * value} null when there is none, {@code metadata} always an object holding only the set fields
 * among sharedKeyEnc, pubKeyCS, pubKeyHash (the JSON text of {@code {"hash":…,"hashingAlgo":…}}),
 * dataSignature, encKeyName, encAlgo, ivNonce, skeEncKeyName, skeEncAlgo, availableAt, and the
 * notification's expiresAt.
 */
final class NotificationJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private NotificationJson() {}

  /** The monitor JSON of a notification. */
  static String monitor(Notification n) {
    return render(g -> writeMonitor(g, n));
  }

  /** The monitor JSON of several notifications, as a JSON array ({@code notify:list}). */
  static String list(List<Notification> notifications) {
    return render(
        g -> {
          g.writeStartArray();
          for (Notification n : notifications) {
            writeMonitor(g, n);
          }
          g.writeEndArray();
        });
  }

  /**
   * A stats notification: id {@code "-1"}, key {@code statsNotification.@me}, the latest commit id
   * as a string value, no metadata (as the reference's {@code stats_notification_service.dart}).
   */
  static String stats(AtSign me, long lastCommitId, long epochMillis) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("id", "-1");
          g.writeStringField("from", me.toString());
          g.writeStringField("to", me.toString());
          g.writeStringField("key", "statsNotification." + me);
          g.writeStringField("value", Long.toString(lastCommitId));
          g.writeStringField("operation", "update");
          g.writeNumberField("epochMillis", epochMillis);
          g.writeStringField("messageType", "MessageType.key");
          g.writeBooleanField("isEncrypted", false);
          g.writeEndObject();
        });
  }

  /**
   * The {@code notify:fetch} JSON: the stored notification's fields, every value a string, as the
   * reference's {@code notify_fetch_verb_handler.dart} (the metadata as a JSON text).
   */
  static String fetch(Notification n, Instant now) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("id", n.id());
          g.writeStringField("fromAtSign", n.from().toString());
          g.writeStringField("notificationDateTime", DATE.format(n.createdAt()));
          g.writeStringField("toAtSign", n.to().toString());
          g.writeStringField("notification", n.key());
          g.writeStringField("type", "NotificationType." + kindName(n.kind()));
          g.writeStringField("opType", "OperationType." + n.operation().wireName());
          g.writeStringField("messageType", messageType(n));
          g.writeStringField("priority", "NotificationPriority." + n.priority().wireName());
          g.writeStringField(
              "notificationStatus", "NotificationStatus." + n.statusAt(now).wireName());
          g.writeStringField("retryCount", Integer.toString(n.attempts()));
          g.writeStringField("strategy", n.strategy().wireName());
          g.writeStringField("depth", Integer.toString(n.latestN()));
          g.writeStringField("notifier", n.notifier());
          g.writeStringField("expiresAt", DATE.format(n.expiresAt()));
          g.writeStringField("atValue", String.valueOf(n.value()));
          g.writeStringField("atMetadata", MetadataJson.render(n.metadata()));
          g.writeStringField("ttl", Long.toString(n.ttlnMillis()));
          g.writeEndObject();
        });
  }

  /** The {@code notify:all} answer: each atSign's notification id. */
  static String idsByAtSign(java.util.Map<String, String> ids) {
    return render(
        g -> {
          g.writeStartObject();
          for (java.util.Map.Entry<String, String> e : ids.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        });
  }

  /** The {@code notify:fetch} answer for an unknown id. */
  static String fetchUnknown(String id) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("id", id);
          g.writeStringField("notificationStatus", "NotificationStatus.expired");
          g.writeEndObject();
        });
  }

  private static void writeMonitor(JsonGenerator g, Notification n) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", n.id());
    g.writeStringField("from", n.from().toString());
    g.writeStringField("to", n.to().toString());
    g.writeStringField("key", n.key());
    g.writeStringField("value", n.value());
    g.writeStringField("operation", n.operation().wireName());
    g.writeNumberField("epochMillis", n.createdAt().toEpochMilli());
    g.writeStringField("messageType", messageType(n));
    g.writeBooleanField("isEncrypted", n.encrypted());
    g.writeObjectFieldStart("metadata");
    Metadata m = n.metadata();
    text(g, "sharedKeyEnc", m.sharedKeyEnc());
    text(g, "pubKeyCS", m.pubKeyCS());
    text(g, "pubKeyHash", m.pubKeyHash() == null ? null : MetadataJson.renderPubKeyHash(m));
    text(g, "dataSignature", m.dataSignature());
    text(g, "encKeyName", m.encKeyName());
    text(g, "encAlgo", m.encAlgo());
    text(g, "ivNonce", m.ivNonce());
    text(g, "skeEncKeyName", m.skeEncKeyName());
    text(g, "skeEncAlgo", m.skeEncAlgo());
    text(g, "availableAt", m.availableAt() == null ? null : DATE.format(m.availableAt()));
    g.writeStringField("expiresAt", DATE.format(n.expiresAt()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String messageType(Notification n) {
    return "MessageType." + n.messageType().wireName();
  }

  private static String kindName(NotificationKind kind) {
    return switch (kind) {
      case SENT -> "sent";
      case RECEIVED -> "received";
      case SELF -> "self";
    };
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private static String render(Writer writer) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
