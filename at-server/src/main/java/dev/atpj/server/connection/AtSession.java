package dev.atpj.server.connection;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.command.Exit;
import dev.atpj.protocol.command.Invalid;
import dev.atpj.protocol.command.Verb;
import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.protocol.reply.ReplyRenderer;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.Response;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.session.SessionKey;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.server.verb.VerbRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One atServer connection (docs/protocol.md Part A §1–3, B1–B2): the bare prompt {@code @} on connect;
 * every line parsed into a typed command; authentication checked before syntax; the verb's handler
 * run; its reply or error rendered, followed by {@code \n} and the prompt ({@code @}, {@code
 * @alice@} or {@code @bob@}).
 */
public final class AtSession implements LineSession, SessionContext {
  private static final Logger LOG = LoggerFactory.getLogger(AtSession.class);

  /** Errors after which the connection is closed (docs/protocol.md B2). */
  private static final Set<AtErrorCode> CLOSING =
      EnumSet.of(
          AtErrorCode.BUFFER_LIMIT_EXCEEDED,
          AtErrorCode.BLOCKED_CONNECTION,
          AtErrorCode.DATA_STORE,
          AtErrorCode.SERVER_PAUSED,
          AtErrorCode.INTERNAL_SERVER_EXCEPTION);

  private final CommandParser parser;
  private final ReplyRenderer renderer;
  private final VerbRegistry registry;
  private final Connection connection;
  private final String sessionId = "_" + UUID.randomUUID();
  private final Map<SessionKey<?>, Object> state = new HashMap<>();
  private AuthState auth = AuthState.NONE;
  private ErrorFormat errorFormat = ErrorFormat.LEGACY_TEXT;
  private boolean closeAfterReply;
  private final List<Runnable> closeActions = new ArrayList<>(1);
  private final ReplyPipeline replies;
  private final SessionObserver observer;
  private AtErrorCode answeredError;

  /**
   * Creates the session of an accepted connection.
   *
   * @param parser turns lines into commands
   * @param renderer the only writer of {@code data:} and {@code error:} text
   * @param registry the verb handlers
   * @param observer writes the connection's log, metrics and access-log entries
   * @param connection the connection
   */
  public AtSession(
      CommandParser parser,
      ReplyRenderer renderer,
      VerbRegistry registry,
      SessionObserver observer,
      Connection connection) {
    this.parser = parser;
    this.renderer = renderer;
    this.registry = registry;
    this.connection = connection;
    this.replies = new ReplyPipeline(connection);
    this.observer = observer;
  }

  @Override
  public String greeting() {
    return "@";
  }

  @Override
  public CompletionStage<Response> onLine(String line) {
    long start = System.nanoTime();
    Command command = parser.parse(line);
    if (ReplyPipeline.mayOverlap(command, auth)) {
      return replies.pass(observed(command, start));
    }
    if (replies.isHolding()) {
      return replies.drained().thenCompose(written -> observed(command, start));
    }
    return observed(command, start);
  }

  /** Handles a command and tells the observer how it was answered. */
  private CompletionStage<Response> observed(Command command, long start) {
    return handle(command)
        .whenComplete(
            (r, e) -> {
              AtErrorCode code = answeredError; // set by the rendering just before
              answeredError = null;
              observer.answered(command, auth, code, start);
            });
  }

  private CompletionStage<Response> handle(Command command) {
    if (command instanceof Exit) {
      return CompletableFuture.completedFuture(Response.close());
    }
    Verb verb = command.verb();
    if (verb != null && verb.requiresAuth() && !auth.isOwner()) {
      return done(
          error(
              new AtException(
                  AtErrorCode.UNAUTHENTICATED, "Command cannot be executed without auth")));
    }
    if (command instanceof Invalid invalid) {
      return done(error(invalid.toException()));
    }
    Optional<VerbHandler<Command>> handler = registry.find(command);
    if (handler.isEmpty()) {
      return done(
          error(
              new AtException(
                  AtErrorCode.INVALID_SYNTAX,
                  "the verb '" + verb.wireName() + "' is not supported by this server")));
    }
    CompletableFuture<Reply> reply = run(handler.get(), command);
    if (reply.isDone()) {
      return done(render(reply));
    }
    return reply.handleAsync((r, e) -> render(reply), connection.executor());
  }

  @Override
  public Response onLineTooLong(int maxLineBytes) {
    return error(
        new AtException(
            AtErrorCode.BUFFER_LIMIT_EXCEEDED,
            "lines are limited to " + maxLineBytes + " bytes; closing"));
  }

  @Override
  public Response onInvalidUtf8() {
    return error(new AtException(AtErrorCode.INVALID_SYNTAX, "the line is not valid UTF-8"));
  }

  @Override
  public Response onFailure(Throwable failure) {
    LOG.warn("unexpected failure on {}", connection, failure);
    return error(new AtException(AtErrorCode.INTERNAL_SERVER_EXCEPTION, "internal error"));
  }

  @Override
  public boolean authenticated() {
    return !(auth instanceof AuthState.Unauthenticated);
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public AuthState auth() {
    return auth;
  }

  @Override
  public void auth(AuthState state) {
    this.auth = state;
  }

  @Override
  public ErrorFormat errorFormat() {
    return errorFormat;
  }

  @Override
  public void errorFormat(ErrorFormat format) {
    this.errorFormat = format;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(SessionKey<T> key) {
    return Optional.ofNullable((T) state.get(key));
  }

  @Override
  public <T> void put(SessionKey<T> key, T value) {
    if (value == null) {
      state.remove(key);
    } else {
      state.put(key, value);
    }
  }

  @Override
  public void closeAfterReply() {
    closeAfterReply = true;
  }

  @Override
  public void onClose(Runnable action) {
    closeActions.add(action);
  }

  @Override
  public void onClose() {
    observer.closed(auth);
    for (Runnable action : closeActions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("a close action of {} failed", connection, e);
      }
    }
    closeActions.clear();
  }

  private CompletableFuture<Reply> run(VerbHandler<Command> handler, Command command) {
    try {
      return handler.handle(command, this).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Response render(CompletableFuture<Reply> reply) {
    try {
      return render(reply.get());
    } catch (ExecutionException | CompletionException e) {
      return failure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(e);
    }
  }

  private Response render(Reply reply) {
    String prompt = auth.prompt();
    Response response;
    if (reply instanceof Reply.Data data) {
      response = Response.of(renderer.data(data.payload()) + "\n" + prompt);
    } else if (reply instanceof Reply.StatsData stats) {
      response = Response.of(renderer.statsData(stats.json()) + "\n" + prompt);
    } else if (reply instanceof Reply.PromptOnly) {
      response = Response.of(prompt);
    } else {
      response = Response.none();
    }
    return closing(response);
  }

  private Response failure(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AtException at) {
      return error(at);
    }
    return onFailure(cause);
  }

  private Response error(AtException error) {
    String text = renderer.error(error, errorFormat);
    answeredError = error.code();
    if (CLOSING.contains(error.code()) || closeAfterReply) {
      closeAfterReply = false;
      return Response.thenClose(text + "\n");
    }
    return Response.of(text + "\n" + auth.prompt());
  }

  private Response closing(Response response) {
    if (!closeAfterReply) {
      return response;
    }
    closeAfterReply = false;
    return new Response(response.text(), true);
  }

  private static CompletionStage<Response> done(Response response) {
    return CompletableFuture.completedFuture(response);
  }
}
