package dev.atpj.server.verb.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.NotifyStatus;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code notify:status:<id>} (docs/protocol.md B11): {@code data:delivered|queued|errored|expired},
 * or {@code data:null} for an unknown id; for the owner only.
 */
public final class NotifyStatusHandler implements VerbHandler<NotifyStatus> {
  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public NotifyStatusHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<NotifyStatus> commandType() {
    return NotifyStatus.class;
  }

  @Override
  public CompletionStage<Reply> handle(NotifyStatus command, SessionContext session) {
    if (!session.auth().isOwner()) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED, "notify:status cannot be executed without authentication");
    }
    return CompletableFuture.completedFuture(
        Reply.data(notifications.status(command.id()).orElse(null)));
  }
}
