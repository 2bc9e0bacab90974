package dev.atpj.server.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date format every client parses: {@code yyyy-MM-dd HH:mm:ss.SSS'Z'} in UTC (docs/protocol.md
 * A9, C8), used for sync entries ({@code opTime}, metadata dates) and dated statistics.
 */
public final class WireDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WireDates() {}

  /**
   * Formats an instant.
   *
   * @param instant the instant, or null
   * @return e.g. {@code 2024-03-01 09:05:07.042Z}, or null for null
   */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
