package dev.atpj.protocol;

import java.util.Objects;

/**
 * The one exception type of the project: a failure that carries the protocol error code the wire
 * reply must show. The message is the human-readable detail and never holds a stack trace, secrets
 * or internal class names, since the renderer puts it on the wire.
 */
public class AtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AtErrorCode code;

  /**
   * Creates an exception.
   *
   * @param code the protocol error code
   * @param detail the human-readable detail shown after the standard description
   */
  public AtException(AtErrorCode code, String detail) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates an exception with a cause that stays off the wire.
   *
   * @param code the protocol error code
   * @param detail the human-readable detail
   * @param cause the underlying failure, for logs only
   */
  public AtException(AtErrorCode code, String detail, Throwable cause) {
    super(detail, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The protocol error code. */
  public AtErrorCode code() {
    return code;
  }

  /** The human-readable detail. */
  public String detail() {
    return getMessage() == null ? "" : getMessage();
  }
}
