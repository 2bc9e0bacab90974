package dev.atpj.server.verb;

import dev.atpj.protocol.command.Command;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which handler takes which command. Built from an explicit list; no classpath scanning. */
public final class VerbRegistry {
  private final Map<Class<?>, VerbHandler<?>> handlers = new HashMap<>();

  /**
   * A registry of the given handlers.
   *
   * @param handlers one handler per command type
   * @throws IllegalArgumentException when two handlers take the same command type
   */
  public VerbRegistry(List<VerbHandler<?>> handlers) {
    for (VerbHandler<?> handler : handlers) {
      if (this.handlers.put(handler.commandType(), handler) != null) {
        throw new IllegalArgumentException("two handlers for " + handler.commandType());
      }
    }
  }

  /**
   * The handler of a command.
   *
   * @param command the command
   * @return its handler, or empty when this server does not implement the verb
   */
  @SuppressWarnings("unchecked")
  public <C extends Command> Optional<VerbHandler<C>> find(C command) {
    return Optional.ofNullable((VerbHandler<C>) handlers.get(command.getClass()));
  }
}
