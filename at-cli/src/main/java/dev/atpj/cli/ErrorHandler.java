package dev.atpj.cli;

import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns a command's failure into one line on stderr ({@code atp: <what went wrong>}) and an exit
 * code ({@link ExitCodes}). The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final AtpCommand root;

  ErrorHandler(AtpCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code = ExitCodes.of(failure);
    err.println("atp: " + oneLine(describe(failure)));
    if (root.isVerbose()) {
      failure.printStackTrace(err);
    } else if (code == ExitCodes.FAILURE) {
      err.println("atp: this looks like a bug; run again with --verbose to see the stack trace");
    }
    err.flush();
    return code;
  }

  /**
   * The one-line description of a failure.
   *
   * @param failure the failure
   * @return what to show after {@code atp: }
   */
  static String describe(Throwable failure) {
    if (failure instanceof AtException at) {
      String detail = at.detail();
      return at.code().code()
          + " "
          + inProjectWords(at.code())
          + (detail.isEmpty() ? "" : ": " + detail);
    }
    if (failure instanceof UncheckedIOException unchecked) {
      IOException cause = unchecked.getCause();
      String context = unchecked.getMessage();
      boolean plain = context == null || context.equals(cause.toString());
      return plain ? describeIo(cause) : context + ": " + describeIo(cause);
    }
    if (failure instanceof IOException io) {
      return describeIo(io);
    }
    if (failure instanceof CliException) {
      return failure.getMessage();
    }
    return "internal error: " + failure;
  }

  /**
   * A code's description, in this project's words where the protocol's text says "secondary" (the
   * detail then names the atDirectory or atServer).
   */
  private static String inProjectWords(AtErrorCode code) {
    return switch (code) {
      case SECONDARY_NOT_FOUND -> "atServer not found";
      case UNABLE_TO_CONNECT -> "Unable to connect";
      default -> code.description();
    };
  }

  private static String describeIo(IOException io) {
    if (io instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (io instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (io instanceof FileAlreadyExistsException exists) {
      return "already exists: " + exists.getFile();
    }
    if (io instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return rootMessage(io);
  }

  /** Collapses line breaks, so that an error is always exactly one line. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String rootMessage(Throwable failure) {
    String message = failure.getMessage();
    Throwable cause = failure.getCause();
    while (cause != null && cause != failure) {
      if (cause.getMessage() != null
          && (message == null || !message.contains(cause.getMessage()))) {
        message = message == null ? cause.getMessage() : message + " (" + cause.getMessage() + ")";
      }
      failure = cause;
      cause = cause.getCause();
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
