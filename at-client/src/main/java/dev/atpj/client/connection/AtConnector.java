package dev.atpj.client.connection;

import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;

/**
 * Opens connections to atServers found through one atDirectory. Holds the TLS context (trusting
 * {@link ClientOptions#trustedCa()} or the JDK's default trust store) and the event loops, so many
 * connections share them. Thread-safe.
 *
 * <p>Built on the project's asynchronous {@code LineClient} (Netty): the same event loops serve a
 * process's servers and its clients ({@code ./atp up} onboards its atSigns on the loops its servers
 * run on), every request has a deadline, and notification lines are told apart from answers.
 */
public final class AtConnector implements AutoCloseable {
  private final EventLoops loops;
  private final boolean ownsLoops;
  private final ClientOptions options;
  private final ClientTlsContext tls;
  private final AtDirectoryClient directory;
  private final AtCrypto crypto = new AtCrypto();

  private AtConnector(
      EventLoops loops, boolean ownsLoops, HostPort directory, ClientOptions options) {
    this.loops = loops;
    this.ownsLoops = ownsLoops;
    this.options = options;
    this.tls = ClientTlsContext.create(options.trustedCa(), null);
    this.directory = new AtDirectoryClient(loops, tls, directory, options);
  }

  /**
   * A connector on event loops the caller owns (and closes after the connector).
   *
   * @param loops the event loops
   * @param directory the atDirectory's address
   * @param options trust, timeouts, retries
   * @return the connector
   */
  public static AtConnector using(EventLoops loops, HostPort directory, ClientOptions options) {
    return new AtConnector(loops, false, directory, options);
  }

  /**
   * A connector with its own single event-loop thread, closed with the connector.
   *
   * @param directory the atDirectory's address
   * @param options trust, timeouts, retries
   * @return the connector
   */
  public static AtConnector standalone(HostPort directory, ClientOptions options) {
    EventLoops loops = EventLoops.create(1);
    try {
      return new AtConnector(loops, true, directory, options);
    } catch (RuntimeException e) {
      loops.close();
      throw e;
    }
  }

  /** The directory client. */
  public AtDirectoryClient directory() {
    return directory;
  }

  /** The options. */
  public ClientOptions options() {
    return options;
  }

  /**
   * Finds an atSign's atServer through the directory, with retries.
   *
   * @param atSign the atSign
   * @return its address
   * @throws AtException {@link AtErrorCode#SECONDARY_NOT_FOUND} when the directory does not know it
   */
  public HostPort locate(AtSign atSign) {
    return directory.locate(atSign);
  }

  /**
   * Connects to an atSign's atServer, found through the directory. Unauthenticated.
   *
   * @param atSign the atSign
   * @return the open connection
   * @throws AtException when the atServer cannot be found or reached
   */
  public AtConnection connect(AtSign atSign) {
    HostPort address = locate(atSign);
    AtException last = null;
    for (int attempt = 1; attempt <= options.lookupAttempts(); attempt++) {
      if (attempt > 1) {
        pause();
        if (options.pastDeadline()) {
          throw new AtException(
              AtErrorCode.TIMEOUT, "deadline passed; last attempt: " + last.detail(), last);
        }
      }
      try {
        return connect(address);
      } catch (AtException e) {
        if (e.code() != AtErrorCode.UNABLE_TO_CONNECT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Connects to an address directly, skipping the directory. Unauthenticated.
   *
   * @param address the atServer's address
   * @return the open connection
   */
  public AtConnection connect(HostPort address) {
    return AtConnection.open(loops, tls, address, options, crypto);
  }

  /**
   * Connects to an atSign's atServer and authenticates with its CRAM secret.
   *
   * @param atSign the atSign
   * @param cramSecret its secret
   * @return the authenticated connection
   */
  public AtConnection connectWithCram(AtSign atSign, String cramSecret) {
    return authenticated(connect(atSign), c -> c.authenticateWithCram(atSign, cramSecret));
  }

  /**
   * Connects to an atSign's atServer and authenticates with its PKAM key.
   *
   * @param atSign the atSign
   * @param keys its keys
   * @return the authenticated connection
   */
  public AtConnection connectWithPkam(AtSign atSign, AtKeys keys) {
    return authenticated(connect(atSign), c -> c.authenticateWithPkam(atSign, keys));
  }

  /** Closes the event loops when this connector created them. */
  @Override
  public void close() {
    if (ownsLoops) {
      loops.close();
    }
  }

  private interface Authentication {
    void run(AtConnection connection);
  }

  private static AtConnection authenticated(AtConnection connection, Authentication how) {
    try {
      how.run(connection);
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void pause() {
    try {
      Thread.sleep(options.within(options.retryDelay()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "interrupted while reconnecting");
    }
  }
}
