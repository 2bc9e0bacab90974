package dev.atpj.cli.common;

import dev.atpj.protocol.AtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The exit codes of {@code atp}, as its help footer lists them. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** An unexpected failure (a bug): the stack trace is shown with {@code --verbose}. */
  public static final int FAILURE = 1;

  /** An invalid command line (picocli's usage error code). */
  public static final int USAGE = 2;

  /** A problem with files, ports or settings that the user can fix. */
  public static final int USER_ERROR = 3;

  /** An atDirectory or atServer answered with an error, or could not be reached. */
  public static final int PROTOCOL_ERROR = 4;

  private ExitCodes() {}

  /**
   * The exit code of a failure.
   *
   * @param failure what a command threw
   * @return its exit code
   */
  public static int of(Throwable failure) {
    if (failure instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (failure instanceof CliException
        || failure instanceof IOException
        || failure instanceof UncheckedIOException) {
      return USER_ERROR;
    }
    if (failure instanceof AtException) {
      return PROTOCOL_ERROR;
    }
    return FAILURE;
  }
}
