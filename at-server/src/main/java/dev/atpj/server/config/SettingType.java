package dev.atpj.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types of settings, with their parsers. */
public enum SettingType {
  /** Free text. */
  STRING,
  /** A whole number that fits an {@code int}. */
  INT,
  /** A whole number. */
  LONG,
  /** A decimal number. */
  DOUBLE,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A duration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601. */
  DURATION,
  /** A file or folder. */
  PATH,
  /** One of a fixed set of names. */
  CHOICE;

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /**
   * Checks that text is a valid value of this type.
   *
   * @param text the value
   * @throws IllegalArgumentException when it is not
   */
  void check(String text) {
    switch (this) {
      case INT -> Integer.parseInt(text);
      case LONG -> Long.parseLong(text);
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> bool(text);
      case DURATION -> duration(text);
      default -> {}
    }
  }

  static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  /**
   * Parses a duration.
   *
   * @param text e.g. {@code 30s} or {@code PT30S}
   * @return the duration
   */
  public static Duration duration(String text) {
    Matcher m = SIMPLE_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Duration.parse(text.trim());
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * Writes a duration the short way when it can.
   *
   * @param d the duration
   * @return e.g. {@code 30s}, {@code 7d}, {@code 0s}
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms != 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0 && ms != 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0 && ms != 0) {
      return ms / 60_000L + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
