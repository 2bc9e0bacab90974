package dev.atpj.server.connection;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Cram;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.command.Pol;
import dev.atpj.protocol.command.Verb;
import dev.atpj.server.core.Connection;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.stats.AccessLog;
import java.net.InetSocketAddress;
import java.time.Clock;
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

  private final AtSign me;
  private final Clock clock;
  private final ServerMetrics metrics;
  private final AccessLog accessLog;
  private final Connection connection;
  private final String remote;

  /**
   * Observes a connection whose session just started.
   *
   * @param me the atSign the server serves
   * @param clock the clock
   * @param metrics where sessions, verbs and errors are counted
   * @param accessLog where logins, authentications and lookups are recorded
   * @param connection the connection
   */
  public SessionObserver(
      AtSign me, Clock clock, ServerMetrics metrics, AccessLog accessLog, Connection connection) {
    this.me = me;
    this.clock = clock;
    this.metrics = metrics;
    this.accessLog = accessLog;
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
    metrics.sessionOpened();
    LOG.info("event=connection.open atSign={} conn={} remote={}", me, connection.id(), remote);
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
    metrics.verbHandled(verb, System.nanoTime() - startNanos);
    if (error != null) {
      metrics.error(error);
      LOG.info(
          "event=error atSign={} conn={} remote={} verb={} code={} auth={}",
          me,
          connection.id(),
          remote,
          verb == null ? "-" : verb.wireName(),
          error.code(),
          who(auth));
      return;
    }
    if (command instanceof Cram) {
      accessLog.record("cram", me.toString(), null);
    } else if (command instanceof Pkam) {
      accessLog.record("pkam", me.toString(), null);
    } else if (command instanceof Pol && auth instanceof AuthState.Peer peer) {
      accessLog.record("pol", peer.atSign().toString(), null);
    } else if (command instanceof Lookup lookup) {
      accessLog.record("lookup", who(auth), lookup.key().toString());
    } else if (command instanceof PLookup lookup) {
      accessLog.record("plookup", who(auth), lookup.key().toString());
    }
  }

  /**
   * The connection closed.
   *
   * @param auth who it was at the end
   */
  public void closed(AuthState auth) {
    metrics.sessionClosed();
    LOG.info(
        "event=connection.close atSign={} conn={} remote={} auth={} durationMs={}",
        me,
        connection.id(),
        remote,
        who(auth),
        Duration.between(connection.openedAt(), clock.instant()).toMillis());
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
