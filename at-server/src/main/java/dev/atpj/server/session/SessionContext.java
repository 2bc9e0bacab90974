package dev.atpj.server.session;

import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.server.core.Connection;
import java.util.Optional;

/** What a verb handler sees of its connection. Used on the connection's event loop only. */
public interface SessionContext {
  /** The connection. */
  Connection connection();

  /** The session id, {@code _} + a random UUID, used in {@code from} challenges. */
  String sessionId();

  /** Who the connection has proven to be. */
  AuthState auth();

  /**
   * Changes who the connection has proven to be; the prompt follows.
   *
   * @param state the new state
   */
  void auth(AuthState state);

  /** How errors are written on this connection. */
  ErrorFormat errorFormat();

  /**
   * Changes how errors are written (a {@code from} with a recent client version asks for JSON).
   *
   * @param format the format
   */
  void errorFormat(ErrorFormat format);

  /**
   * Reads per-connection state.
   *
   * @param key the state's name
   * @param <T> its type
   * @return the value, or empty
   */
  <T> Optional<T> get(SessionKey<T> key);

  /**
   * Sets or (with null) clears per-connection state.
   *
   * @param key the state's name
   * @param value the value, or null to clear
   * @param <T> its type
   */
  <T> void put(SessionKey<T> key, T value);

  /**
   * Asks for the connection to be closed once the current reply (data or error) is written, e.g.
   * after a failed client-certificate check (docs/protocol.md Part A §8).
   */
  void closeAfterReply();

  /**
   * Runs an action once when the connection closes, for any reason (e.g. a monitor stops).
   *
   * @param action runs on the connection's event loop; exceptions are logged
   */
  void onClose(Runnable action);
}
