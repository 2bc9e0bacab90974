package dev.atpj.server.verb.notify;

import dev.atpj.protocol.command.NotifyFetch;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code notify:fetch:<id>} (docs/protocol.md B11): the stored notification with every value as a
 * string; an unknown id gives {@code {"id":…,"notificationStatus":"NotificationStatus.expired"}}.
 */
public final class NotifyFetchHandler implements VerbHandler<NotifyFetch> {
  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public NotifyFetchHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<NotifyFetch> commandType() {
    return NotifyFetch.class;
  }

  @Override
  public CompletionStage<Reply> handle(NotifyFetch command, SessionContext session) {
    return CompletableFuture.completedFuture(Reply.data(notifications.fetch(command.id())));
  }
}
