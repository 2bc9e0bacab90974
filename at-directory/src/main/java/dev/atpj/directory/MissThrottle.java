package dev.atpj.directory;

import java.time.Duration;
import java.util.Objects;

/**
 * The reference directory's penalty for connections that ask for unknown atSigns (docs/protocol.md
 * B4): the first misses are answered at once, from {@code delayFrom} on each miss is answered after
 * {@code delay}, and at {@code closeAt} the connection is closed without an answer.
 *
 * @param enabled whether misses are penalised at all
 * @param delayFrom the first miss (1-based) that is delayed
 * @param delay how long delayed misses wait
 * @param closeAt the miss (1-based) that closes the connection
 */
public record MissThrottle(boolean enabled, int delayFrom, Duration delay, int closeAt) {
  /** The reference's behaviour: the 2nd miss waits 3 s, the 3rd closes. */
  public static final MissThrottle REFERENCE = new MissThrottle(true, 2, Duration.ofSeconds(3), 3);

  /** No penalty. */
  public static final MissThrottle OFF = new MissThrottle(false, 2, Duration.ZERO, 3);

  /** Validates the settings. */
  public MissThrottle {
    Objects.requireNonNull(delay, "delay");
    if (delayFrom < 1 || closeAt < 1 || delay.isNegative()) {
      throw new IllegalArgumentException("miss throttle counts must be positive");
    }
  }

  /** What to do with the n-th miss on a connection. */
  enum Action {
    ANSWER,
    DELAY,
    CLOSE
  }

  Action onMiss(int missNumber) {
    if (!enabled) {
      return Action.ANSWER;
    }
    if (missNumber >= closeAt) {
      return Action.CLOSE;
    }
    return missNumber >= delayFrom && !delay.isZero() ? Action.DELAY : Action.ANSWER;
  }
}
