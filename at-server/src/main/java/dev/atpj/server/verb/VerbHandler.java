package dev.atpj.server.verb;

import dev.atpj.protocol.command.Command;
import dev.atpj.server.session.SessionContext;
import java.util.concurrent.CompletionStage;

/**
 * Handles one verb. Handlers run on the connection's event loop and must not block: storage reads
 * are fine, writes and server-to-server calls return a stage that completes later. Policy that is
 * the same for every verb (authentication before syntax, error rendering, prompts) lives in the
 * session, not here.
 *
 * @param <C> the command type this handler takes
 */
public interface VerbHandler<C extends Command> {
  /** The command record this handler takes. */
  Class<C> commandType();

  /**
   * Handles a command.
   *
   * @param command the parsed command
   * @param session the connection's state and the server's services
   * @return the reply; completes exceptionally with an {@link dev.atpj.protocol.AtException} on
   *     failure
   */
  CompletionStage<Reply> handle(C command, SessionContext session);
}
