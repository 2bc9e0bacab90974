package dev.atpj.directory;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One directory connection (docs/protocol.md B4, C2, Part A §7): {@code @} on connect, then for
 * every line {@code <host>:<port>\r\n@} or {@code null\r\n@}; names with or without {@code @} in
 * any Latin case; {@code @exit} closes; unknown names are throttled per connection.
 */
final class DirectorySession implements LineSession {
  static final String PROMPT = "@";
  static final String END = "\r\n" + PROMPT;
  private static final Response NULL = Response.of("null" + END);

  private final Connection connection;
  private final DirectoryRegistry registry;
  private final DirectoryClient upstream;
  private final MissThrottle throttle;
  private int misses;

  DirectorySession(
      Connection connection,
      DirectoryRegistry registry,
      DirectoryClient upstream,
      MissThrottle throttle) {
    this.connection = connection;
    this.registry = registry;
    this.upstream = upstream;
    this.throttle = throttle;
  }

  @Override
  public String greeting() {
    return PROMPT;
  }

  @Override
  public CompletionStage<Response> onLine(String line) {
    String name = line.trim();
    if (name.equalsIgnoreCase("@exit")) {
      return CompletableFuture.completedFuture(Response.close());
    }
    if (name.isEmpty()) {
      return CompletableFuture.completedFuture(NULL);
    }
    if (!AtSign.isValid(name)) {
      return miss();
    }
    AtSign atSign = AtSign.parse(name);
    Optional<String> local = registry.find(atSign);
    if (local.isPresent()) {
      return CompletableFuture.completedFuture(found(local.get()));
    }
    if (upstream == null) {
      return miss();
    }
    return upstream
        .find(atSign)
        .exceptionally(unreachable -> Optional.empty())
        .thenComposeAsync(
            remote ->
                remote.isPresent()
                    ? CompletableFuture.completedFuture(found(remote.get().toString()))
                    : miss(),
            connection.executor());
  }

  @Override
  public Response onLineTooLong(int maxLineBytes) {
    return Response.thenClose(
        DirectoryErrors.line(
                AtErrorCode.BUFFER_LIMIT_EXCEEDED,
                "lines are limited to " + maxLineBytes + " bytes")
            + "\r\n");
  }

  @Override
  public Response onInvalidUtf8() {
    return Response.of(
        DirectoryErrors.line(AtErrorCode.INVALID_SYNTAX, "the line is not valid UTF-8") + END);
  }

  @Override
  public Response onFailure(Throwable failure) {
    return Response.of(
        DirectoryErrors.line(AtErrorCode.INTERNAL_SERVER_EXCEPTION, "lookup failed") + END);
  }

  private static Response found(String address) {
    return Response.of(address + END);
  }

  private CompletionStage<Response> miss() {
    misses++;
    return switch (throttle.onMiss(misses)) {
      case CLOSE -> CompletableFuture.completedFuture(Response.close());
      case DELAY ->
          CompletableFuture.supplyAsync(
              () -> NULL,
              CompletableFuture.delayedExecutor(
                  throttle.delay().toMillis(), TimeUnit.MILLISECONDS, connection.executor()));
      case ANSWER -> CompletableFuture.completedFuture(NULL);
    };
  }
}
