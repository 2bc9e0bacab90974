package dev.atpj.directory;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards lookups a split-horizon directory cannot answer to an upstream directory over TLS, and
 * caches the answers (including "unknown") for a configurable time. Each lookup that misses the
 * cache uses a fresh connection, since directories throttle connections that ask for unknown names
 * (PROTOCOL.md B4). Concurrent lookups of one name share one upstream request.
 */
public final class UpstreamDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamDirectory.class);

  private final EventLoops loops;
  private final ClientTlsContext tls;
  private final ServerAddress address;
  private final Duration cacheTime;
  private final Duration timeout;
  private final LongSupplier nanoTime;
  private final Map<AtSign, Cached> cache = new ConcurrentHashMap<>();
  private final Map<AtSign, CompletableFuture<Optional<String>>> inFlight =
      new ConcurrentHashMap<>();

  private record Cached(Optional<String> answer, long expiresAtNanos) {}

  /**
   * Creates a forwarder.
   *
   * @param loops the shared event loops
   * @param tls client TLS context trusting the upstream's certificate
   * @param address the upstream directory
   * @param cacheTime how long answers are kept
   * @param timeout bound on one upstream lookup
   * @param nanoTime the monotonic clock (injected for tests)
   */
  public UpstreamDirectory(
      EventLoops loops,
      ClientTlsContext tls,
      ServerAddress address,
      Duration cacheTime,
      Duration timeout,
      LongSupplier nanoTime) {
    this.loops = loops;
    this.tls = tls;
    this.address = address;
    this.cacheTime = cacheTime;
    this.timeout = timeout;
    this.nanoTime = nanoTime;
  }

  /**
   * Looks an atSign up, from the cache or the upstream directory.
   *
   * @param atSign the atSign
   * @return its {@code host:port}, or empty when the upstream does not know it or cannot be reached
   */
  public CompletableFuture<Optional<String>> find(AtSign atSign) {
    Cached cached = cache.get(atSign);
    if (cached != null && cached.expiresAtNanos() - nanoTime.getAsLong() > 0) {
      return CompletableFuture.completedFuture(cached.answer());
    }
    return inFlight.computeIfAbsent(atSign, this::ask);
  }

  private CompletableFuture<Optional<String>> ask(AtSign atSign) {
    CompletableFuture<Optional<String>> answer =
        LineClient.connect(
                loops, tls, address.host(), address.port(), timeout, UpstreamDirectory::stripPrompt)
            .thenCompose(
                client ->
                    client
                        .request(atSign.name(), timeout)
                        .whenComplete(
                            (line, failure) -> {
                              client.send("@exit");
                              client.close();
                            }))
            .thenApply(UpstreamDirectory::parseAnswer)
            .handle(
                (found, failure) -> {
                  if (failure != null) {
                    LOG.warn("upstream directory {} failed: {}", address, failure.getMessage());
                    return Optional.<String>empty();
                  }
                  cache.put(atSign, new Cached(found, nanoTime.getAsLong() + cacheTime.toNanos()));
                  return found;
                });
    answer.whenComplete((found, failure) -> inFlight.remove(atSign));
    return answer;
  }

  private static String stripPrompt(String line) {
    String answer = line;
    while (answer.startsWith("@")) {
      answer = answer.substring(1);
    }
    return answer.trim();
  }

  private static Optional<String> parseAnswer(String line) {
    if (line.isEmpty() || line.equals("null")) {
      return Optional.empty();
    }
    return Optional.of(ServerAddress.parse(line).toString());
  }
}
