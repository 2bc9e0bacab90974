package dev.atpj.server.ops;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Cram;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.command.Pol;
import dev.atpj.protocol.command.Verb;
import dev.atpj.server.ServerContext;
import dev.atpj.server.core.Connection;
import dev.atpj.server.session.AuthState;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one connection for operators: a structured log line ({@code key=value}) when it opens,
 * closes and answers an error, with the server's atSign, the remote address and the verb, never a
 * value, secret, digest or signature; per-verb timings and error counts in the metrics; logins,
 * authentications and lookups in the access log.
 */
public final class SessionObserver {
  private static final Logger LOG = LoggerFactory.getLogger(SessionObserver.class);

  private final ServerContext server;
  private final Connection connection;
  private final String remote;

  /**
   * Observes a connection whose session just started.
   *
   * @param server the server
   * @param connection the connection
   */
  public SessionObserver(ServerContext server, Connection connection) {
    this.server = server;
    this.connection = connection;
    InetSocketAddress address = connection.remoteAddress();
    this.remote =
        address == null
            ? "-"
            : (address.getAddress() == null
                    ? address.getHostString()
                    : address.getAddress().getHostAddress())
                + ":"
                + address.getPort();
    server.metrics().sessionOpened();
    LOG.info(
        "event=connection.open atSign={} conn={} remote={}",
        server.atSign(),
        connection.id(),
        remote);
  }

  /**
   * One command was answered.
   *
   * @param command the command (null when the line could not be parsed at all)
   * @param auth who the connection is after the command
   * @param error the code of the error answered, or null for success
   * @param startNanos {@link System#nanoTime()} when the line arrived
   */
  public void answered(Command command, AuthState auth, AtErrorCode error, long startNanos) {
    Verb verb = command == null ? null : command.verb();
    server.metrics().verbHandled(verb, System.nanoTime() - startNanos);
    if (error != null) {
      server.metrics().error(error);
      LOG.info(
          "event=error atSign={} conn={} remote={} verb={} code={} auth={}",
          server.atSign(),
          connection.id(),
          remote,
          verb == null ? "-" : verb.wireName(),
          error.code(),
          who(auth));
      return;
    }
    if (command instanceof Cram) {
      server.accessLog().record("cram", server.atSign().toString(), null);
    } else if (command instanceof Pkam) {
      server.accessLog().record("pkam", server.atSign().toString(), null);
    } else if (command instanceof Pol && auth instanceof AuthState.Peer peer) {
      server.accessLog().record("pol", peer.atSign().toString(), null);
    } else if (command instanceof Lookup lookup) {
      server.accessLog().record("lookup", who(auth), lookup.key().toString());
    } else if (command instanceof PLookup lookup) {
      server.accessLog().record("plookup", who(auth), lookup.key().toString());
    }
  }

  /**
   * The connection closed.
   *
   * @param auth who it was at the end
   */
  public void closed(AuthState auth) {
    server.metrics().sessionClosed();
    LOG.info(
        "event=connection.close atSign={} conn={} remote={} auth={} durationMs={}",
        server.atSign(),
        connection.id(),
        remote,
        who(auth),
        Duration.between(connection.openedAt(), server.clock().instant()).toMillis());
  }

  private static String who(AuthState auth) {
    if (auth instanceof AuthState.Owner owner) {
      return owner.atSign().toString();
    }
    if (auth instanceof AuthState.Peer peer) {
      return peer.atSign().toString();
    }
    return "";
  }
}
