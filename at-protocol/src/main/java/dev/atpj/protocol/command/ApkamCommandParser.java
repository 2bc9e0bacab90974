package dev.atpj.protocol.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code enroll}, {@code otp} and {@code keys} (docs/protocol.md B15). */
final class ApkamCommandParser {
  private static final Pattern OTP =
      Pattern.compile("^:(get|put:(\\w{6,}))(?::ttl:(\\d+))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEYS =
      Pattern.compile(
          "^:(get|put|delete)(?::(public|private|self))?"
              + "(?::namespace:(\\w+))?(?::appName:(\\w+))?(?::deviceName:(\\w+))?"
              + "(?::keyType:([\\w-]+))?(?::encryptionKeyName:([\\w-]+))?"
              + "(?::keyName:(\\S+))?(?: (.+))?$");

  private ApkamCommandParser() {}

  /** {@code args} is the line after {@code enroll}. */
  static Command enroll(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.ENROLL);
    }
    int end = 1;
    while (end < args.length() && Character.isLetter(args.charAt(end))) {
      end++;
    }
    EnrollOperation operation =
        EnrollOperation.fromWireName(args.substring(1, end))
            .orElseThrow(() -> Checks.syntax(Verb.ENROLL));
    String rest = args.substring(end);
    if (rest.isEmpty()) {
      return new Enroll(operation, null, false);
    }
    boolean colon = rest.startsWith(":");
    String params = colon ? rest.substring(1) : rest;
    if (!params.startsWith("{")) {
      throw Checks.syntax(Verb.ENROLL);
    }
    return new Enroll(operation, params, colon);
  }

  /** {@code args} is the line after {@code otp}. */
  static Command otp(String args) {
    Matcher m = OTP.matcher(args);
    if (!m.matches()) {
      throw Checks.syntax(Verb.OTP);
    }
    boolean put = m.group(2) != null;
    Long ttl = m.group(3) == null ? null : Checks.number(m.group(3), "the ttl", false);
    return new Otp(put, m.group(2), ttl);
  }

  /** {@code args} is the line after {@code keys}. */
  static Command keys(String args) {
    Matcher m = KEYS.matcher(args);
    if (!m.matches()) {
      throw Checks.syntax(Verb.KEYS);
    }
    Keys.Operation operation = Keys.Operation.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    return new Keys(
        operation,
        m.group(2),
        m.group(3),
        m.group(4),
        m.group(5),
        m.group(6),
        m.group(7),
        m.group(8),
        m.group(9));
  }
}
