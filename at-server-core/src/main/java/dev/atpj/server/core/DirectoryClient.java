package dev.atpj.server.core;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an atDirectory where an atSign's atServer lives (docs/protocol.md B4, C2), asynchronously
 * and never blocking: the atSign without {@code @} is sent, and {@code host:port} or {@code null}
 * is read. Answers, "unknown" included, are cached for a short time; concurrent lookups of one
 * atSign share one request; a directory that cannot be reached is tried again a configured number
 * of times, each attempt bounded, and then the lookup fails with {@link
 * AtErrorCode#UNABLE_TO_CONNECT} (failures are not cached). One connection is kept open between
 * lookups for {@link DirectoryClientConfig#keepAlive()} (see {@link DirectoryConnection}); it is
 * closed after an unknown atSign, since directories throttle connections that ask for unknown
 * names, and a lookup that finds it busy uses a connection of its own. Thread-safe.
 *
 * <p>Answers and lookups in flight live in one Caffeine {@link AsyncCache}: a lookup is an entry
 * whose future is not done yet, an answer is an entry whose future is. Each answer carries the
 * instant it stops being fresh, fixed before its future completes, and {@link #find} checks it
 * itself: whoever sees a lookup complete may look again at once, before the cache has noticed the
 * completion, and must then get a new lookup rather than the finished one.
 */
public final class DirectoryClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryClient.class);

  private final EventLoops loops;
  private final ClientTlsContext tls;
  private final DirectoryClientConfig config;
  private final LongSupplier nanoTime;
  private final AsyncCache<AtSign, Answer> answers;
  private final DirectoryConnection connection;

  /** A directory's answer and the {@code nanoTime} at which it stops being fresh. */
  private record Answer(Optional<HostPort> found, long expiresAtNanos) {
    boolean freshAt(long nanos) {
      return expiresAtNanos - nanos > 0;
    }
  }

  /**
   * A client.
   *
   * @param loops the shared event loops
   * @param tls client TLS context trusting the directory's certificate
   * @param config where the directory is and how to ask it
   * @param nanoTime the monotonic clock for cache ages (injected for tests)
   */
  public DirectoryClient(
      EventLoops loops, ClientTlsContext tls, DirectoryClientConfig config, LongSupplier nanoTime) {
    this.loops = loops;
    this.tls = tls;
    this.config = config;
    this.nanoTime = nanoTime;
    this.answers =
        Caffeine.newBuilder()
            .ticker(nanoTime::getAsLong)
            .executor(Runnable::run) // upkeep is small: done by the caller, not a common pool
            .maximumSize(config.maxCachedEntries())
            .expireAfter(new FreshFor())
            .buildAsync();
    this.connection =
        new DirectoryConnection(this::connect, config.keepAlive(), loops.workers().next());
  }

  /** Caffeine drops an answer when it stops being fresh. */
  private static final class FreshFor implements Expiry<AtSign, Answer> {
    @Override
    public long expireAfterCreate(AtSign atSign, Answer answer, long now) {
      return Math.max(0, answer.expiresAtNanos() - now);
    }

    @Override
    public long expireAfterUpdate(AtSign atSign, Answer answer, long now, long remaining) {
      return expireAfterCreate(atSign, answer, now);
    }

    @Override
    public long expireAfterRead(AtSign atSign, Answer answer, long now, long remaining) {
      return remaining;
    }
  }

  /**
   * Opens the connection kept for lookups now (when keep-alive is on), so that the first lookup
   * costs one round trip; a failure is ignored (the lookup connects again).
   */
  public void connectAhead() {
    connection.connectAhead();
  }

  /** Whether a connection to the directory is kept open or opening now. */
  public boolean keepsConnection() {
    return connection.isKept();
  }

  /** Closes the kept connection; lookups still work, each on a connection of its own. */
  @Override
  public void close() {
    connection.close();
  }

  /** The directory asked. */
  public HostPort directory() {
    return config.directory();
  }

  /**
   * Looks an atSign up, from the cache or the directory.
   *
   * @param atSign the atSign
   * @return where its atServer lives, or empty when the directory does not know it; fails with
   *     {@link AtErrorCode#UNABLE_TO_CONNECT} when the directory cannot be reached
   */
  public CompletableFuture<Optional<HostPort>> find(AtSign atSign) {
    while (true) {
      AtomicBoolean started = new AtomicBoolean();
      CompletableFuture<Answer> entry =
          answers.get(
              atSign,
              (key, executor) -> {
                started.set(true);
                return lookUp(key);
              });
      if (started.get() || !entry.isDone() || fresh(entry) != null) {
        return found(entry);
      }
      // A finished lookup the cache has not yet noticed (stale, or failed): never reused.
      answers.asMap().remove(atSign, entry);
    }
  }

  /**
   * Whether a fresh answer for an atSign is cached.
   *
   * @param atSign the atSign
   * @return true when {@link #find} would answer from the cache
   */
  public boolean isCached(AtSign atSign) {
    CompletableFuture<Answer> entry = answers.getIfPresent(atSign);
    return entry != null && fresh(entry) != null;
  }

  /**
   * Drops the cached answer for an atSign, e.g. after its atServer could not be reached at the
   * cached address; a lookup in flight is left alone.
   *
   * @param atSign the atSign
   */
  public void forget(AtSign atSign) {
    CompletableFuture<Answer> entry = answers.getIfPresent(atSign);
    if (entry != null && entry.isDone()) {
      answers.asMap().remove(atSign, entry);
    }
  }

  /** The answer of a finished, successful lookup while it is fresh, else null. */
  private Answer fresh(CompletableFuture<Answer> entry) {
    if (!entry.isDone() || entry.isCompletedExceptionally()) {
      return null;
    }
    Answer answer = entry.join();
    return answer.freshAt(nanoTime.getAsLong()) ? answer : null;
  }

  /** The caller's view of an entry: its address, or the lookup's own failure, unwrapped. */
  private static CompletableFuture<Optional<HostPort>> found(CompletableFuture<Answer> entry) {
    CompletableFuture<Optional<HostPort>> found = new CompletableFuture<>();
    entry.whenComplete(
        (answer, failure) -> {
          if (failure == null) {
            found.complete(answer.found());
          } else {
            found.completeExceptionally(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          }
        });
    return found;
  }

  /** Asks the directory; the answer's freshness is fixed before the entry completes. */
  private CompletableFuture<Answer> lookUp(AtSign atSign) {
    CompletableFuture<Optional<HostPort>> asked = new CompletableFuture<>();
    CompletableFuture<Answer> answer =
        asked.thenApply(found -> new Answer(found, nanoTime.getAsLong() + freshFor(found)));
    ask(atSign, asked);
    return answer;
  }

  private long freshFor(Optional<HostPort> found) {
    return (found.isPresent() ? config.foundCacheTime() : config.missCacheTime()).toNanos();
  }

  private void ask(AtSign atSign, CompletableFuture<Optional<HostPort>> answer) {
    long started = System.nanoTime();
    answer.whenComplete((found, failure) -> LatencyLog.step("directory lookup", atSign, started));
    attempt(atSign, 1, answer);
  }

  private void attempt(AtSign atSign, int number, CompletableFuture<Optional<HostPort>> answer) {
    HostPort directory = config.directory();
    DirectoryConnection.Lease lease = connection.lease();
    lease
        .client()
        .thenCompose(client -> client.request(atSign.name(), config.timeout()))
        .thenApply(DirectoryClient::parseAnswer)
        .whenComplete(
            (found, failure) -> {
              connection.release(lease, failure == null && found.isPresent());
              if (failure == null) {
                answer.complete(found);
              } else if (lease.reused() && closedUnderneath(failure)) {
                attempt(atSign, number, answer); // the directory had closed it: at once, anew
              } else if (number < config.attempts()) {
                loops
                    .workers()
                    .next()
                    .schedule(
                        () -> attempt(atSign, number + 1, answer),
                        config.retryDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
              } else {
                // The caller gets the failure and decides how loud it is (the CLI prints one line).
                LOG.debug(
                    "atDirectory {} failed to answer for {} after {} attempt(s): {}",
                    directory,
                    atSign,
                    number,
                    reason(failure));
                answer.completeExceptionally(
                    new AtException(
                        AtErrorCode.UNABLE_TO_CONNECT,
                        "the atDirectory " + directory + " cannot be reached",
                        failure));
              }
            });
  }

  private CompletableFuture<LineClient> connect() {
    HostPort directory = config.directory();
    return LineClient.connect(
        loops,
        tls,
        directory.host(),
        directory.port(),
        config.timeout(),
        DirectoryClient::stripPrompt);
  }

  private static String stripPrompt(String line) {
    String answer = line;
    while (answer.startsWith("@")) {
      answer = answer.substring(1);
    }
    return answer.trim();
  }

  private static Optional<HostPort> parseAnswer(String line) {
    if (line.isEmpty() || line.equals("null")) {
      return Optional.empty();
    }
    try {
      return Optional.of(HostPort.parse(line));
    } catch (IllegalArgumentException e) {
      throw new AtException(
          AtErrorCode.SERVER_EXCEPTION, "the atDirectory answered something else than host:port");
    }
  }

  /** Whether a request failed because its connection was closed (not a timeout). */
  private static boolean closedUnderneath(Throwable failure) {
    return protocolCause(failure) instanceof AtException at
        && (at.code() == AtErrorCode.UNABLE_TO_CONNECT || at.code() == AtErrorCode.SOCKET_ERROR);
  }

  private static String reason(Throwable failure) {
    return protocolCause(failure).getMessage();
  }

  /** The first {@link AtException} in a failure's cause chain, else its innermost cause. */
  private static Throwable protocolCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && !(cause instanceof AtException)) {
      cause = cause.getCause();
    }
    return cause;
  }
}
