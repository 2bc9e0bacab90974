package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.directory.MissThrottle;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the directory's penalty for unknown atSigns (docs/protocol.md B4, Part A §7). */
public final class MissThrottleOptions {
  @Option(
      names = "--no-miss-throttle",
      description = "Answer every unknown atSign at once (default: the reference's penalty).")
  private boolean off;

  @Option(
      names = "--miss-delay-from",
      paramLabel = "N",
      converter = Converters.PositiveConverter.class,
      defaultValue = "2",
      description = "The n-th unknown atSign on a connection, and later ones, are answered late.")
  private int delayFrom;

  @Option(
      names = "--miss-delay",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      defaultValue = "3s",
      description = "How late.")
  private Duration delay;

  @Option(
      names = "--miss-close-at",
      paramLabel = "N",
      converter = Converters.PositiveConverter.class,
      defaultValue = "3",
      description = "The n-th unknown atSign on a connection closes it without an answer.")
  private int closeAt;

  /** The throttle these options describe. */
  public MissThrottle throttle() {
    try {
      return new MissThrottle(!off, delayFrom, delay, closeAt);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid miss throttle: " + e.getMessage());
    }
  }
}
