package dev.atpj.client.internal;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Command;

/**
 * Where an atSign's own data lives for a client: its atServer, or a local replica kept in step with
 * it. Both answer commands the same way: the payload after {@code data:}, or the server's error as
 * an {@link AtException}.
 */
public interface Secondary {
  /**
   * Runs a command.
   *
   * @param command the command
   * @return the payload after {@code data:}
   * @throws AtException the error, e.g. {@code AT0015} for a missing key
   */
  String execute(Command command);
}
