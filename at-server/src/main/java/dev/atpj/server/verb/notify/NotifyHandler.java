package dev.atpj.server.verb.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Notify;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletionStage;

/**
 * {@code notify} (docs/protocol.md B11). From the owner: the notification is stored and delivery
 * starts at once; the answer is {@code data:<id>} once it is durable. A notification to oneself is
 * stored as delivered without a network hop. From a pol-authenticated atServer: the notification is
 * received (stored once, pushed to monitors once, cached key updated) and the answer is {@code
 * data:success}. Unauthenticated connections get AT0401.
 */
public final class NotifyHandler implements VerbHandler<Notify> {
  private static final Reply SUCCESS = Reply.data("success");

  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public NotifyHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<Notify> commandType() {
    return Notify.class;
  }

  @Override
  public CompletionStage<Reply> handle(Notify command, SessionContext session) {
    AuthState auth = session.auth();
    if (auth instanceof AuthState.Owner) {
      return notifications.send(command, session.connection().executor()).thenApply(Reply::data);
    }
    if (auth instanceof AuthState.Peer peer) {
      return notifications
          .receive(command, peer.atSign(), session.connection().executor())
          .thenApply(done -> SUCCESS);
    }
    throw new AtException(
        AtErrorCode.UNAUTHENTICATED, "Notify command cannot be executed without authentication");
  }
}
