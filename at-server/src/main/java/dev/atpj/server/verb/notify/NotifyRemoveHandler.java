package dev.atpj.server.verb.notify;

import dev.atpj.protocol.command.NotifyRemove;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletionStage;

/**
 * {@code notify:remove:<id>} (docs/protocol.md B11): removes a stored notification, sent or
 * received (a queued one is no longer delivered); {@code data:success}, also for an unknown id.
 */
public final class NotifyRemoveHandler implements VerbHandler<NotifyRemove> {
  private static final Reply SUCCESS = Reply.data("success");

  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public NotifyRemoveHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<NotifyRemove> commandType() {
    return NotifyRemove.class;
  }

  @Override
  public CompletionStage<Reply> handle(NotifyRemove command, SessionContext session) {
    return notifications.remove(command.id()).thenApply(done -> SUCCESS);
  }
}
