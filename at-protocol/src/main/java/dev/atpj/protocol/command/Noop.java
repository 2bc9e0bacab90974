package dev.atpj.protocol.command;

/**
 * {@code noop:<milliseconds>}: wait, then answer {@code data:ok} (B13). Any non-negative number
 * parses; the server enforces its maximum (5000, AT0022).
 *
 * @param millis how long to wait
 */
public record Noop(long millis) implements Command {
  /** The longest wait the reference server allows. */
  public static final long REFERENCE_MAX_MILLIS = 5000;

  /** Validates. */
  public Noop {
    Checks.atLeast(millis, 0, "the delay");
  }

  @Override
  public Verb verb() {
    return Verb.NOOP;
  }

  @Override
  public String render() {
    return "noop:" + millis;
  }
}
