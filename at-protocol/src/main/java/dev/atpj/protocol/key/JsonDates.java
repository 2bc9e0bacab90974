package dev.atpj.protocol.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The date format of metadata JSON: {@code yyyy-MM-dd HH:mm:ss.SSS'Z'} in UTC, as the reference
 * server writes it (Dart {@code DateTime.toUtc().toString()} at millisecond precision).
 */
final class JsonDates {
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendLiteral('Z')
          .optionalEnd()
          .toFormatter();

  private JsonDates() {}

  static String format(Instant instant) {
    return instant == null ? null : WRITE.format(instant);
  }

  static Instant parse(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      if (text.isEmpty() || "null".equals(text)) {
        return null;
      }
      try {
        return LocalDateTime.parse(text, READ).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw JsonValues.bad(name, "a date like 2024-03-01 09:05:07.042Z");
      }
    }
    throw JsonValues.bad(name, "a date like 2024-03-01 09:05:07.042Z");
  }
}
