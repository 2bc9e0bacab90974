package dev.atpj.protocol.reply;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.Objects;

/**
 * An {@code error:} reply.
 *
 * @param code the error code; {@link AtErrorCode#SERVER_EXCEPTION} when the server sent a code this
 *     library does not know (the raw code then starts the detail)
 * @param detail the text after the standard description, or the whole text when it has none
 */
public record ErrorReply(AtErrorCode code, String detail) implements Reply {
  /** Validates. */
  public ErrorReply {
    Objects.requireNonNull(code, "code");
    detail = detail == null ? "" : detail;
  }

  /** The failure as an exception. */
  public AtException toException() {
    return new AtException(code, detail);
  }
}
