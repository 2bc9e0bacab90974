package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import java.util.Locale;

/** Parses {@code from}, {@code cram}, {@code pkam} and {@code pol} (B5). */
final class AuthCommandParser {
  private static final String CLIENT_CONFIG = "clientConfig:";

  private AuthCommandParser() {}

  /** {@code args} is the line after {@code from}. */
  static Command from(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.FROM);
    }
    int colon = args.indexOf(':', 1);
    String name = colon < 0 ? args.substring(1) : args.substring(1, colon);
    if (name.isEmpty() || name.indexOf('@', 1) >= 0) {
      throw Checks.syntax(Verb.FROM);
    }
    AtSign atSign = AtSign.parse(name);
    if (colon < 0) {
      return new From(atSign, null);
    }
    String rest = args.substring(colon + 1);
    if (!rest.regionMatches(true, 0, CLIENT_CONFIG, 0, CLIENT_CONFIG.length())) {
      throw Checks.syntax(Verb.FROM);
    }
    String json = rest.substring(CLIENT_CONFIG.length());
    if (!json.startsWith("{") || !json.endsWith("}")) {
      throw Checks.syntax(Verb.FROM);
    }
    return new From(atSign, json);
  }

  static Command cram(String args) {
    if (!args.startsWith(":") || args.length() == 1) {
      throw Checks.syntax(Verb.CRAM);
    }
    return new Cram(args.substring(1));
  }

  static Command pkam(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.PKAM);
    }
    Cursor c = new Cursor(args, 1);
    String signingAlgo = null;
    String hashingAlgo = null;
    String enrollmentId = null;
    while (c.hasMoreAfterNext(2)) {
      if (signingAlgo == null && c.accept("signingAlgo")) {
        signingAlgo = c.next().toLowerCase(Locale.ROOT);
      } else if (hashingAlgo == null && c.accept("hashingAlgo")) {
        hashingAlgo = c.next().toLowerCase(Locale.ROOT);
      } else if (enrollmentId == null
          && (c.accept("enrollmentId") || c.accept("enrollApprovalId"))) {
        enrollmentId = c.next();
      } else {
        break;
      }
    }
    String signature = c.takeRest();
    if (signature == null || signature.isEmpty()) {
      throw Checks.syntax(Verb.PKAM);
    }
    return new Pkam(signingAlgo, hashingAlgo, enrollmentId, signature);
  }

  static Command pol(String args) {
    if (!args.isEmpty()) {
      throw Checks.syntax(Verb.POL);
    }
    return new Pol();
  }
}
