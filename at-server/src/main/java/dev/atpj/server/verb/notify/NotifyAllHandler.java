package dev.atpj.server.verb.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.NotifyAll;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletionStage;

/**
 * {@code notify:all} (docs/protocol.md B11): one notification per distinct atSign, for the owner
 * only; the answer is a JSON object of each atSign's notification id, once all are durable.
 */
public final class NotifyAllHandler implements VerbHandler<NotifyAll> {
  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public NotifyAllHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<NotifyAll> commandType() {
    return NotifyAll.class;
  }

  @Override
  public CompletionStage<Reply> handle(NotifyAll command, SessionContext session) {
    if (!session.auth().isOwner()) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED, "notify:all cannot be executed without authentication");
    }
    return notifications.sendAll(command, session.connection().executor()).thenApply(Reply::data);
  }
}
