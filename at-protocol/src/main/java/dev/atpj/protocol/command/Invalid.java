package dev.atpj.protocol.command;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.Objects;

/**
 * A line the parser could not accept, as a value (never an exception). The server answers it with
 * the error, after checking authentication first when the verb is known (B2: a verb that needs
 * auth, sent unauthenticated, gives AT0401 even if malformed).
 *
 * @param verb the verb the line started with, or null when the verb is unknown
 * @param code AT0003 for syntax, AT0016 for keys, AT0022 for out-of-range numbers
 * @param reason the detail for the error reply
 */
public record Invalid(Verb verb, AtErrorCode code, String reason) implements Command {
  /** The reason given for an unknown verb. */
  public static final String UNKNOWN_VERB_REASON = "invalid command";

  /** Validates. */
  public Invalid {
    Objects.requireNonNull(code, "code");
    reason = reason == null ? "" : reason;
  }

  /** The value for a line whose verb is not known: AT0003 {@code invalid command}. */
  public static Invalid unknownVerb() {
    return new Invalid(null, AtErrorCode.INVALID_SYNTAX, UNKNOWN_VERB_REASON);
  }

  /** The exception to answer with. */
  public AtException toException() {
    return new AtException(code, reason);
  }

  /** An invalid line has no wire form; this returns the empty string. */
  @Override
  public String render() {
    return "";
  }
}
