package dev.atpj.cli.common;

import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for option and parameter values; each failure is a one-line usage error. */
public final class Converters {
  private Converters() {}

  /** {@code @alice}, {@code alice} or {@code @Alice} to its canonical atSign. */
  public static final class AtSignConverter implements ITypeConverter<AtSign> {
    @Override
    public AtSign convert(String value) {
      try {
        return AtSign.parse(value.trim());
      } catch (AtException e) {
        throw new TypeConversionException("'" + value + "' is not a valid atSign: " + e.detail());
      }
    }
  }

  /** {@code ec-p256} or {@code rsa-2048} (any case; {@code ec}, {@code rsa} for short). */
  public static final class KeyAlgorithmConverter implements ITypeConverter<KeyAlgorithm> {
    @Override
    public KeyAlgorithm convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "ec-p256", "ec_p256", "ec", "ecdsa", "p256", "p-256" -> KeyAlgorithm.EC_P256;
        case "rsa-2048", "rsa_2048", "rsa", "rsa2048" -> KeyAlgorithm.RSA_2048;
        default ->
            throw new TypeConversionException(
                "'" + value + "' is not a key algorithm: use ec-p256 or rsa-2048");
      };
    }
  }

  /** {@code host:port}. */
  public static final class HostPortConverter implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      try {
        return HostPort.parse(value.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not HOST:PORT"
                + (value.contains(":") ? ": " + e.getMessage() : ""));
      }
    }
  }

  /** A TCP port, {@code 0} (any free port) to {@code 65535}. */
  public static final class PortConverter implements ITypeConverter<Integer> {
    /** The highest TCP port. */
    public static final int MAX_PORT = 65_535;

    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port >= 0 && port <= MAX_PORT) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a port: use 0 (any free port) to " + MAX_PORT);
    }
  }

  /** A whole number of at least 1. */
  public static final class PositiveConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a whole number of at least 1");
    }
  }

  /** A whole number of at least 0. */
  public static final class NonNegativeLongConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long n = Long.parseLong(value.trim());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a whole number of at least 0");
    }
  }

  /** A Java regular expression, checked: the text itself is kept (servers compile it again). */
  public static final class RegexConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Pattern.compile(value);
        return value;
      } catch (PatternSyntaxException e) {
        throw new TypeConversionException("'" + value + "' is not a regex: " + e.getDescription());
      }
    }
  }

  /** A duration longer than zero (see {@link DurationConverter}). */
  public static final class PositiveDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = new DurationConverter().convert(value);
      if (duration.isZero()) {
        throw new TypeConversionException("'" + value + "' is too short: give more than 0");
      }
      return duration;
    }
  }

  /**
   * A duration: a number with a unit ({@code 500ms}, {@code 3s}, {@code 5m}, {@code 1h}, {@code
   * 2d}) or ISO-8601 ({@code PT3S}).
   */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** The longest duration accepted: about 100 years, far below overflow everywhere. */
    static final Duration LONGEST = Duration.ofDays(36_500);

    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      Matcher matcher = SIMPLE.matcher(text);
      if (matcher.matches()) {
        try {
          long amount = Long.parseLong(matcher.group(1));
          Duration parsed =
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              };
          return checkedLength(value, parsed);
        } catch (NumberFormatException | ArithmeticException e) {
          throw new TypeConversionException("'" + value + "' is too long a duration");
        }
      }
      try {
        Duration parsed = Duration.parse(value.trim());
        if (!parsed.isNegative()) {
          return checkedLength(value, parsed);
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a duration; use e.g. 500ms, 3s, 5m, 1h or 2d");
    }

    /** Durations must fit in milliseconds (what timers and deadlines take). */
    private static Duration checkedLength(String value, Duration duration) {
      if (duration.compareTo(LONGEST) > 0) {
        throw new TypeConversionException(
            "'" + value + "' is too long a duration (at most " + LONGEST.toDays() + "d)");
      }
      return duration;
    }
  }

  /**
   * Renders a duration the way {@link DurationConverter} reads it.
   *
   * @param duration the duration
   * @return e.g. {@code 3s} or {@code 500ms}
   */
  public static String render(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
