package dev.atpj.cli;

import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * A duration: a number with a unit ({@code 500ms}, {@code 3s}, {@code 5m}, {@code 1h}, {@code
   * 2d}) or ISO-8601 ({@code PT3S}).
   */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      Matcher matcher = SIMPLE.matcher(text);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      try {
        Duration parsed = Duration.parse(value.trim());
        if (!parsed.isNegative()) {
          return parsed;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a duration; use e.g. 500ms, 3s, 5m, 1h or 2d");
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
