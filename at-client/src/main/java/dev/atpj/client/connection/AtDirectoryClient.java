package dev.atpj.client.connection;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks an atDirectory where an atSign's atServer lives (docs/protocol.md B4, C2), with the blocking
 * calls and retry policy of the SDK. Each question goes through the servers' asynchronous {@link
 * DirectoryClient} (one TLS connection per question, the atSign sent without its {@code @}, the
 * answer {@code host:port} or {@code null}, then {@code @exit}; a fresh connection keeps clear of
 * the directory's per-connection penalty for unknown atSigns), here without its answer cache, so
 * every question reaches the directory.
 */
public final class AtDirectoryClient {
  private final HostPort directory;
  private final ClientOptions options;
  private final DirectoryClient client;
  private final Duration attemptTimeout;

  /**
   * Creates a directory client.
   *
   * @param loops the event loops to run on (not closed by this client)
   * @param tls the client TLS context (trusted CA)
   * @param directory the directory's address
   * @param options timeouts and retry policy
   */
  public AtDirectoryClient(
      EventLoops loops, ClientTlsContext tls, HostPort directory, ClientOptions options) {
    this.directory = directory;
    this.options = options;
    this.attemptTimeout =
        options.connectTimeout().compareTo(options.requestTimeout()) >= 0
            ? options.connectTimeout()
            : options.requestTimeout();
    this.client =
        new DirectoryClient(
            loops,
            tls,
            DirectoryClientConfig.defaults(directory)
                .withCacheTimes(Duration.ZERO, Duration.ZERO)
                .withTimeout(attemptTimeout)
                .withAttempts(1),
            System::nanoTime);
  }

  /** The directory's address. */
  public HostPort address() {
    return directory;
  }

  /**
   * Asks once.
   *
   * @param atSign the atSign
   * @return its atServer's address, or empty when the directory answers {@code null}
   * @throws AtException {@link AtErrorCode#UNABLE_TO_CONNECT}, {@link AtErrorCode#TIMEOUT}, or
   *     {@link AtErrorCode#CLIENT_EXCEPTION} for an answer that is not {@code host:port}
   */
  public Optional<HostPort> lookupOnce(AtSign atSign) {
    Duration bound = options.within(attemptTimeout.multipliedBy(2).plusSeconds(2));
    return Blocking.await(lookupAsync(atSign), bound, "answer from the atDirectory " + directory);
  }

  /**
   * Finds an atServer, asking up to {@link ClientOptions#lookupAttempts()} times with {@link
   * ClientOptions#retryDelay()} between attempts while the directory answers {@code null} or cannot
   * be reached.
   *
   * @param atSign the atSign
   * @return its atServer's address
   * @throws AtException {@link AtErrorCode#SECONDARY_NOT_FOUND} when the directory does not know
   *     the atSign, or the last connection failure
   */
  public HostPort locate(AtSign atSign) {
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
        Optional<HostPort> found = lookupOnce(atSign);
        if (found.isPresent()) {
          return found.get();
        }
        last =
            new AtException(
                AtErrorCode.SECONDARY_NOT_FOUND,
                "the atDirectory " + directory + " does not know " + atSign);
      } catch (AtException e) {
        if (e.code() == AtErrorCode.CLIENT_EXCEPTION) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Asks once, without waiting.
   *
   * @param atSign the atSign
   * @return its atServer's address, or empty for {@code null}
   */
  public CompletableFuture<Optional<HostPort>> lookupAsync(AtSign atSign) {
    return client
        .find(atSign)
        .handle(
            (found, failure) -> {
              if (failure != null) {
                throw reason(atSign, failure);
              }
              return found;
            });
  }

  /**
   * What went wrong, as the connection said it ({@link DirectoryClient} wraps it): the deepest
   * {@link AtException}, and an answer that is not {@code host:port} as a client error.
   */
  private AtException reason(AtSign atSign, Throwable failure) {
    AtException deepest = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AtException at) {
        deepest = at;
      }
    }
    if (deepest == null) {
      return Blocking.unwrap(failure);
    }
    if (deepest.code() == AtErrorCode.SERVER_EXCEPTION) {
      return new AtException(
          AtErrorCode.CLIENT_EXCEPTION,
          "the atDirectory " + directory + " answered something else than host:port for " + atSign);
    }
    if (deepest.detail().contains("atDirectory")) {
      return deepest;
    }
    return new AtException(
        deepest.code(), "the atDirectory " + directory + ": " + deepest.detail(), deepest);
  }

  private void pause() {
    try {
      Thread.sleep(options.within(options.retryDelay()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "interrupted while retrying a lookup");
    }
  }
}
