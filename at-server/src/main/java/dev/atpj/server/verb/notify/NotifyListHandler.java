package dev.atpj.server.verb.notify;

import dev.atpj.protocol.command.NotifyList;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code notify:list} (docs/protocol.md B11): the owner gets the received notifications that have
 * not expired, a pol-authenticated atSign what this atSign sent it, as a JSON array in the monitor
 * shape; {@code data:null} when there are none. Unauthenticated connections get AT0401. The
 * client's regex is matched on the ops executor, never on an event loop.
 */
public final class NotifyListHandler implements VerbHandler<NotifyList> {
  private final NotificationService notifications;
  private final Executor opsExecutor;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   * @param opsExecutor where the client's regex is matched (never an event loop)
   */
  public NotifyListHandler(NotificationService notifications, Executor opsExecutor) {
    this.notifications = notifications;
    this.opsExecutor = opsExecutor;
  }

  @Override
  public Class<NotifyList> commandType() {
    return NotifyList.class;
  }

  @Override
  public CompletionStage<Reply> handle(NotifyList command, SessionContext session) {
    return CompletableFuture.supplyAsync(
        () -> Reply.data(notifications.list(command, session.auth())), opsExecutor);
  }
}
