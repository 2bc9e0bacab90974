package dev.atpj.server.verb.basic;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Noop;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code noop:<ms>}: waits without blocking, then {@code data:ok}; more than 5000 ms is AT0022
 * (docs/protocol.md B3, B13). Clients use {@code noop:0} as a heartbeat, also on monitor
 * connections.
 */
public final class NoopHandler implements VerbHandler<Noop> {
  private static final Reply OK = Reply.data("ok");

  @Override
  public Class<Noop> commandType() {
    return Noop.class;
  }

  @Override
  public CompletionStage<Reply> handle(Noop command, SessionContext session) {
    long millis = command.millis();
    if (millis > Noop.REFERENCE_MAX_MILLIS) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS,
          "noop waits at most " + Noop.REFERENCE_MAX_MILLIS + " ms, not " + millis);
    }
    if (millis == 0) {
      return CompletableFuture.completedFuture(OK);
    }
    return CompletableFuture.supplyAsync(
        () -> OK,
        CompletableFuture.delayedExecutor(
            millis, TimeUnit.MILLISECONDS, session.connection().executor()));
  }
}
