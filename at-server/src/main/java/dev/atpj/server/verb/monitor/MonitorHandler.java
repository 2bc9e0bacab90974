package dev.atpj.server.verb.monitor;

import dev.atpj.protocol.command.Monitor;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code monitor[:strict][:selfNotifications][:multiplexed][:<epochMillis>][ <regex>]}
 * (docs/protocol.md B1, B11, C9): writes nothing back; from now on the connection receives {@code
 * notification: {json}} lines, stored ones newer than epochMillis first. The connection keeps
 * taking commands ({@code noop:0} answers {@code data:ok}, the clients' heartbeat). A bad regex
 * gives AT0003.
 */
public final class MonitorHandler implements VerbHandler<Monitor> {
  private static final CompletableFuture<Reply> SILENT =
      CompletableFuture.completedFuture(new Reply.Silent());

  private final NotificationService notifications;

  /**
   * A handler with the services it uses.
   *
   * @param notifications the server's notifications
   */
  public MonitorHandler(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Class<Monitor> commandType() {
    return Monitor.class;
  }

  @Override
  public CompletionStage<Reply> handle(Monitor command, SessionContext session) {
    notifications.monitor(command, session);
    return SILENT;
  }
}
