package dev.atpj.cli.common;

/**
 * A problem the user can fix (a taken port, a missing file, a bad setting), told in one line on
 * stderr with exit code {@link ExitCodes#USER_ERROR}; never shown with a stack trace unless {@code
 * --verbose}.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the line shown to the user: what is wrong and what to do
   */
  public CliException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause (shown with {@code --verbose}).
   *
   * @param message the line shown to the user
   * @param cause the underlying failure
   */
  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
