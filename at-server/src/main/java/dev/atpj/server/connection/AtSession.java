package dev.atpj.server.connection;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.command.Exit;
import dev.atpj.protocol.command.Invalid;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.command.Verb;
import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.protocol.reply.ReplyRenderer;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.LineCommand;
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
  private final SessionObserver observer;

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
    this.observer = observer;
  }

  @Override
  public String greeting() {
    return "@";
  }

  /**
   * Parses the line; a {@code notify} of an authenticated connection may overlap (docs/protocol.md
   * Part A §1: pipelined commands, replies in order). It does not change the session's state, so
   * the commands after it may run while its reply waits for storage: without this, a burst of
   * notifications from a client, or from another atServer on its pooled connection, would queue
   * behind one fsync after another.
   */
  @Override
  public LineCommand read(String line) {
    long start = System.nanoTime();
    Command command = parser.parse(line);
    boolean mayOverlap = command instanceof Notify && !(auth instanceof AuthState.Unauthenticated);
    return new LineCommand(mayOverlap, () -> observed(command, start));
  }

  @Override
  public CompletionStage<Response> onLine(String line) {
    return read(line).run().get();
  }

  /** Handles a command and tells the observer how it was answered. */
  private CompletionStage<Response> observed(Command command, long start) {
    return handle(command)
        .whenComplete(
            (answer, e) ->
                observer.answered(command, auth, answer == null ? null : answer.error(), start))
        .thenApply(Answer::response);
  }

  private CompletionStage<Answer> handle(Command command) {
    if (command instanceof Exit) {
      return done(new Answer(Response.close(), null));
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
                "lines are limited to " + maxLineBytes + " bytes; closing"))
        .response();
  }

  @Override
  public Response onInvalidUtf8() {
    return error(new AtException(AtErrorCode.INVALID_SYNTAX, "the line is not valid UTF-8"))
        .response();
  }

  @Override
  public Response onFailure(Throwable failure) {
    return internalError(failure).response();
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

  private Answer render(CompletableFuture<Reply> reply) {
    try {
      return render(reply.get());
    } catch (ExecutionException | CompletionException e) {
      return failure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(e);
    }
  }

  private Answer render(Reply reply) {
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
    return new Answer(closing(response), null);
  }

  private Answer failure(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AtException at) {
      return error(at);
    }
    return internalError(cause);
  }

  private Answer internalError(Throwable failure) {
    LOG.warn("unexpected failure on {}", connection, failure);
    return error(new AtException(AtErrorCode.INTERNAL_SERVER_EXCEPTION, "internal error"));
  }

  private Answer error(AtException error) {
    String text = renderer.error(error, errorFormat);
    if (CLOSING.contains(error.code()) || closeAfterReply) {
      closeAfterReply = false;
      return new Answer(Response.thenClose(text + "\n"), error.code());
    }
    return new Answer(Response.of(text + "\n" + auth.prompt()), error.code());
  }

  private Response closing(Response response) {
    if (!closeAfterReply) {
      return response;
    }
    closeAfterReply = false;
    return new Response(response.text(), true);
  }

  private static CompletionStage<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  /**
   * How one command was answered: what to write, and the error code the observer counts (null when
   * the answer is not an error).
   */
  private record Answer(Response response, AtErrorCode error) {}
}
