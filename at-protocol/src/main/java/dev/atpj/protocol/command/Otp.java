package dev.atpj.protocol.command;

/**
 * {@code otp:get[:ttl:<ms>]} or {@code otp:put:<passcode>[:ttl:<ms>]}: a one-time password for an
 * enrollment request from a new device, or a semi-permanent passcode (docs/protocol.md B15).
 *
 * @param put true for {@code otp:put}, false for {@code otp:get}
 * @param passcode the passcode to set ({@code put} only, at least 6 word characters), else null
 * @param ttlMillis how long the password lives, or null for the server's default
 */
public record Otp(boolean put, String passcode, Long ttlMillis) implements Command {
  /** Validates. */
  public Otp {
    if (put != (passcode != null)) {
      throw Checks.syntax(Verb.OTP);
    }
    if (passcode != null && !passcode.matches("\\w{6,}")) {
      throw Checks.syntax("the passcode must be at least 6 letters, digits or underscores");
    }
    if (ttlMillis != null) {
      Checks.atLeast(ttlMillis, 1, "the ttl");
    }
  }

  /** {@code otp:get}. */
  public static Otp get() {
    return new Otp(false, null, null);
  }

  @Override
  public Verb verb() {
    return Verb.OTP;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("otp:").append(put ? "put:" + passcode : "get");
    if (ttlMillis != null) {
      out.append(":ttl:").append(ttlMillis);
    }
    return out.toString();
  }
}
