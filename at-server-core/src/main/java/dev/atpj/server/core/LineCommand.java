package dev.atpj.server.core;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One input line read by a {@link LineSession}, waiting for its turn to run.
 *
 * <p>The driver keeps replies in input order. A command that may overlap runs as soon as it is
 * read, even while replies to earlier overlapping commands are outstanding, and the next input is
 * read without waiting for its reply; it must not change the session's state. Any other command
 * runs only once every earlier reply is written, and nothing after it is read until its own reply
 * is written.
 *
 * @param mayOverlap whether it may run while earlier replies are outstanding
 * @param run runs it (on the connection's event loop) and returns its response
 */
public record LineCommand(boolean mayOverlap, Supplier<CompletionStage<Response>> run) {
  /**
   * A command that runs alone, in order.
   *
   * @param run runs it and returns its response
   * @return the command
   */
  public static LineCommand ordered(Supplier<CompletionStage<Response>> run) {
    return new LineCommand(false, run);
  }
}
