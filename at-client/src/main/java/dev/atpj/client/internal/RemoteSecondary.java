package dev.atpj.client.internal;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Command;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An atSign's atServer as seen by its owner: one PKAM-authenticated connection, opened on first use
 * (the atServer found through the directory, with retries), and opened again when it was dropped. A
 * command that finds the connection dead is sent once more on a fresh connection, as at_java does
 * (docs/protocol.md C1); a command that times out is not repeated (the connection is closed and the
 * next command reconnects). Thread-safe: commands from several threads share the connection,
 * answers come in order.
 */
public final class RemoteSecondary implements Secondary, AutoCloseable {
  private final AtConnector connector;
  private final AtSign atSign;
  private final Supplier<AtKeys> keys;
  private AtConnection connection;
  private boolean closed;

  /**
   * Creates the remote secondary; nothing is connected yet.
   *
   * @param connector finds and opens connections
   * @param atSign the owner
   * @param keys the owner's keys (read at each connect, so onboarding can set them later)
   */
  public RemoteSecondary(AtConnector connector, AtSign atSign, Supplier<AtKeys> keys) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.atSign = Objects.requireNonNull(atSign, "atSign");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public String execute(Command command) {
    return execute(command.render());
  }

  /**
   * Runs a command line, reconnecting once when the connection turns out to be dead.
   *
   * @param line one command line
   * @return the payload after {@code data:}
   */
  public String execute(String line) {
    AtConnection current = connection();
    try {
      return current.execute(line);
    } catch (AtException e) {
      if (!isDeadConnection(e, current)) {
        throw e;
      }
      drop(current);
      return connection().execute(line);
    }
  }

  /**
   * The authenticated connection, opened (or re-opened) when needed.
   *
   * @return an open connection authenticated with PKAM
   */
  public synchronized AtConnection connection() {
    if (closed) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "the client is closed");
    }
    if (connection == null || !connection.isOpen()) {
      AtKeys current = keys.get();
      if (current == null) {
        throw new AtException(
            AtErrorCode.CLIENT_EXCEPTION, "no keys for " + atSign + ": onboard first");
      }
      connection = connector.connectWithPkam(atSign, current);
    }
    return connection;
  }

  /** Whether a connection is open now (no connecting). */
  public synchronized boolean isConnected() {
    return connection != null && connection.isOpen();
  }

  /** Closes the current connection; the next command opens a new one. */
  public synchronized void disconnect() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
  }

  private synchronized void drop(AtConnection dead) {
    if (connection == dead) {
      dead.close();
      connection = null;
    }
  }

  private static boolean isDeadConnection(AtException e, AtConnection used) {
    if (e.code() == AtErrorCode.TIMEOUT) {
      return false;
    }
    return e.code() == AtErrorCode.UNABLE_TO_CONNECT
        || e.code() == AtErrorCode.SOCKET_ERROR
        || !used.isOpen();
  }
}
