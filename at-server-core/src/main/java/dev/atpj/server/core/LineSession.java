package dev.atpj.server.core;

import java.util.concurrent.CompletionStage;

/**
 * The protocol side of one connection. The server core calls these methods on the connection's
 * event loop, one input at a time, and writes replies in input order even when a reply takes time
 * (storage, other servers): the next line is not run before the previous reply is written, unless
 * both may overlap ({@link LineCommand}). Implementations must not block; they return a stage that
 * completes later instead.
 */
public interface LineSession {
  /** Text to write once the connection is ready (e.g. the bare prompt {@code @}), or null. */
  String greeting();

  /**
   * Handles one input line (without its line ending).
   *
   * @param line the line
   * @return the response, possibly completing later
   */
  CompletionStage<Response> onLine(String line);

  /**
   * Reads one input line into a command the driver runs when its turn comes (see {@link
   * LineCommand}). By default every line runs alone, in order, through {@link #onLine}.
   *
   * @param line the line
   * @return the command
   */
  default LineCommand read(String line) {
    return LineCommand.ordered(() -> onLine(line));
  }

  /**
   * Answers a line longer than the connection allows.
   *
   * @param maxLineBytes the limit that was exceeded
   * @return the response (usually an error and close)
   */
  Response onLineTooLong(int maxLineBytes);

  /** Answers a line that was not valid UTF-8. */
  Response onInvalidUtf8();

  /**
   * Answers a failure that escaped {@link #onLine}; must not leak internal details.
   *
   * @param failure what went wrong
   * @return the response
   */
  Response onFailure(Throwable failure);

  /** Whether the connection is authenticated, for the idle policy. */
  default boolean authenticated() {
    return false;
  }

  /** Called once when the connection has closed, for any reason. */
  default void onClose() {}
}
