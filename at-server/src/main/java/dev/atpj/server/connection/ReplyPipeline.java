package dev.atpj.server.connection;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Notify;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.Response;
import dev.atpj.server.session.AuthState;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets a connection take its next command while the reply to a {@code notify} still waits for
 * storage, with replies still written in command order (Part A §1: pipelined commands, replies in
 * order).
 *
 * <p>Without it, each {@code notify} on a connection waits for the previous one's synced write, so
 * a burst of notifications from a client, or from another atServer on its pooled connection, queues
 * behind one fsync after another. A {@code notify} does not change the session's state, so the
 * commands after it may run before its reply is known: its reply (and every reply after it while
 * one is outstanding) is held here and written in order as soon as it and those before it are
 * ready. A command that may change the session's state (anything but {@code notify}) waits until
 * every held reply is written, then runs as usual. Used on the connection's event loop only.
 */
final class ReplyPipeline {
  private final Connection connection;
  private final ArrayDeque<CompletableFuture<Response>> held = new ArrayDeque<>();
  private CompletableFuture<Void> drained;

  ReplyPipeline(Connection connection) {
    this.connection = connection;
  }

  /** Whether a command may run while earlier replies are outstanding. */
  static boolean mayOverlap(Command command, AuthState auth) {
    return command instanceof Notify && !(auth instanceof AuthState.Unauthenticated);
  }

  /** Whether replies are held now. */
  boolean isHolding() {
    return !held.isEmpty();
  }

  /**
   * Passes on the reply of a command that {@link #mayOverlap}: at once when nothing is held and it
   * is ready, otherwise it is held and written in turn, and the session answers nothing now.
   */
  CompletionStage<Response> pass(CompletionStage<Response> reply) {
    CompletableFuture<Response> future = reply.toCompletableFuture();
    if (held.isEmpty() && future.isDone()) {
      return future;
    }
    held.add(future);
    future.whenCompleteAsync((r, e) -> writeReady(), connection.executor());
    return CompletableFuture.completedFuture(Response.none());
  }

  /** Completes when every held reply is written (on the connection's event loop). */
  CompletableFuture<Void> drained() {
    if (held.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    if (drained == null) {
      drained = new CompletableFuture<>();
    }
    return drained;
  }

  private void writeReady() {
    while (!held.isEmpty() && held.peek().isDone()) {
      CompletableFuture<Response> next = held.poll();
      Response response = next.isCompletedExceptionally() ? null : next.join();
      if (response == null) {
        continue; // never in practice: the session renders failures into a response
      }
      if (response.text() != null) {
        connection.push(response.text());
      }
      if (response.closeAfter()) {
        connection.close();
      }
    }
    if (held.isEmpty() && drained != null) {
      CompletableFuture<Void> done = drained;
      drained = null;
      done.complete(null);
    }
  }
}
