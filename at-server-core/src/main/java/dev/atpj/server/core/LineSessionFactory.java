package dev.atpj.server.core;

/** Creates the protocol session of each accepted connection. */
public interface LineSessionFactory {
  /**
   * Creates the session of a connection whose TLS handshake has completed.
   *
   * @param connection the connection
   * @return its session
   */
  LineSession create(Connection connection);

  /**
   * The exact text written to a connection over the server's connection limit before it is closed,
   * or {@code null} to close it silently.
   */
  String connectionLimitMessage();
}
