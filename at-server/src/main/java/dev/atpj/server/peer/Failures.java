package dev.atpj.server.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwrapping and classifying failures of asynchronous server-to-server steps. */
public final class Failures {
  private Failures() {}

  /**
   * The failure inside completion wrappers.
   *
   * @param failure a failure as a future reports it
   * @return the cause inside {@link CompletionException}s and {@link ExecutionException}s
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Whether a failure is an {@link AtException} with a given code.
   *
   * @param failure a failure as a future reports it
   * @param code the code
   * @return true when it is
   */
  public static boolean is(Throwable failure, AtErrorCode code) {
    return unwrap(failure) instanceof AtException at && at.code() == code;
  }

  /**
   * A short description for logs: the code and message of an {@link AtException}, otherwise the
   * exception's class and message.
   *
   * @param failure a failure
   * @return the description
   */
  public static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof AtException at) {
      return at.code().code() + " " + at.getMessage();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
