package dev.atpj.client.connection;

import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Cram;
import dev.atpj.protocol.command.From;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.reply.NotificationReply;
import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One TLS connection to an atServer (docs/protocol.md B1, C3, C4). Every command is one line and
 * gets one answer line; the answer's leading prompt ({@code @} or {@code @alice@}) is dropped and
 * the payload after {@code data:} returned, or the server's error thrown as its {@link
 * AtException}. Every command has a deadline ({@link ClientOptions#requestTimeout()}): when it
 * passes the command fails with {@link AtErrorCode#TIMEOUT} and the connection is closed, since
 * later answers could no longer be matched to their commands. Commands may be sent from several
 * threads; answers come in order. The blocking methods must not be called on an event-loop thread.
 */
public final class AtConnection implements AutoCloseable {
  private static final String SUCCESS = "success";

  private final LineClient line;
  private final HostPort address;
  private final ClientOptions options;
  private final AtCrypto crypto;
  private final ReplyParser parser = new ReplyParser();
  private volatile AtSign authenticatedAs;

  private AtConnection(LineClient line, HostPort address, ClientOptions options, AtCrypto crypto) {
    this.line = line;
    this.address = address;
    this.options = options;
    this.crypto = crypto;
  }

  /**
   * Connects to an atServer and completes the TLS handshake.
   *
   * @param loops the event loops to run on (not closed by the connection)
   * @param tls the client TLS context (trusted CA)
   * @param address the atServer's address
   * @param options timeouts
   * @param crypto the crypto conventions (for PKAM)
   * @return the open, unauthenticated connection
   * @throws AtException {@link AtErrorCode#UNABLE_TO_CONNECT} or {@link AtErrorCode#TIMEOUT}
   */
  public static AtConnection open(
      EventLoops loops,
      ClientTlsContext tls,
      HostPort address,
      ClientOptions options,
      AtCrypto crypto) {
    ReplyParser parser = new ReplyParser();
    CompletableFuture<LineClient> connecting =
        LineClient.connect(
            loops,
            tls,
            address.host(),
            address.port(),
            options.within(options.connectTimeout()),
            raw -> isNotification(parser, raw) ? null : raw);
    try {
      LineClient client =
          Blocking.await(
              connecting,
              margin(options, options.connectTimeout()),
              "TLS connection to the atServer at " + address);
      return new AtConnection(client, address, options, crypto);
    } catch (AtException e) {
      if (e.detail().contains("atServer")) {
        throw e;
      }
      throw new AtException(e.code(), "the atServer at " + address + ": " + e.detail(), e);
    }
  }

  /** The atServer's address. */
  public HostPort address() {
    return address;
  }

  /** The atSign this connection authenticated as, if it did. */
  public Optional<AtSign> authenticatedAs() {
    return Optional.ofNullable(authenticatedAs);
  }

  /** Whether the connection is open. */
  public boolean isOpen() {
    return line.isOpen();
  }

  /**
   * Sends a command and returns the payload of its answer, without waiting.
   *
   * @param command one command line, without line ending, e.g. {@code scan}
   * @return the payload after {@code data:}; fails with the server's {@link AtException}
   */
  public CompletableFuture<String> executeAsync(String command) {
    if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
      return CompletableFuture.failedFuture(
          new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "a command is a single line"));
    }
    return line.request(command, options.within(options.requestTimeout())).thenApply(parser::data);
  }

  /**
   * Sends a command and returns its answer line as the server wrote it, without waiting: {@code
   * data:…} or {@code error:…}, with the leading prompt removed. Errors are not thrown; for
   * interactive shells that show the server's own words.
   *
   * @param command one command line, without line ending
   * @return the answer line
   */
  public CompletableFuture<String> executeRawAsync(String command) {
    if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
      return CompletableFuture.failedFuture(
          new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "a command is a single line"));
    }
    return line.request(command, options.within(options.requestTimeout()))
        .thenApply(ReplyParser::stripPrompt);
  }

  /**
   * Sends a line that gets no answer, such as {@code monitor} (docs/protocol.md B1, C9). Lines the
   * server sends afterwards that are notifications go to {@link #onNotification}.
   *
   * @param command one command line, without line ending
   */
  public void send(String command) {
    if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "a command is a single line");
    }
    line.send(command);
  }

  /**
   * Starts monitoring: sends {@code monitor…} (which a server answers only when it refuses it)
   * followed by {@code noop:0}, and waits for the first answer: the noop's {@code data:ok} when the
   * monitor was accepted, or the monitor's error. The answer is registered before either line is
   * written, so it cannot be missed. Notifications go to {@link #onNotification} from then on.
   *
   * @param monitorCommand the {@code monitor} line
   * @throws AtException the server's error for {@code monitor}, or {@link AtErrorCode#TIMEOUT}
   */
  public void startMonitor(String monitorCommand) {
    if (monitorCommand.indexOf('\n') >= 0 || monitorCommand.indexOf('\r') >= 0) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "a command is a single line");
    }
    CompletableFuture<String> first =
        line.request(monitorCommand, options.within(options.requestTimeout()))
            .thenApply(parser::data);
    line.send("noop:0");
    String answer =
        Blocking.await(
            first,
            margin(options, options.requestTimeout()),
            "answer to 'monitor' from the atServer at " + address);
    if (!"ok".equals(answer)) {
      throw new AtException(
          AtErrorCode.CLIENT_EXCEPTION, "unexpected answer after 'monitor': " + answer);
    }
  }

  /** Completes when the connection has closed, for whatever reason. */
  public CompletableFuture<Void> closeFuture() {
    return line.closeFuture();
  }

  /**
   * Sends a command and waits for its answer.
   *
   * @param command one command line, without line ending
   * @return the payload after {@code data:}
   * @throws AtException the server's error, {@link AtErrorCode#TIMEOUT} or {@link
   *     AtErrorCode#UNABLE_TO_CONNECT}
   */
  public String execute(String command) {
    return Blocking.await(
        executeAsync(command),
        margin(options, options.requestTimeout()),
        "answer to " + verbOf(command) + " from the atServer at " + address);
  }

  /**
   * Sends a typed command and waits for its answer.
   *
   * @param command the command
   * @return the payload after {@code data:}
   */
  public String execute(Command command) {
    return execute(command.render());
  }

  /**
   * Authenticates with the CRAM secret: {@code from:} then {@code cram:} with the hex SHA-512 of
   * secret plus challenge (docs/protocol.md B5, C4).
   *
   * @param atSign the atSign whose atServer this is
   * @param cramSecret the secret the atServer was started with
   * @throws AtException {@link AtErrorCode#UNAUTHENTICATED} when the server rejects the digest
   */
  public void authenticateWithCram(AtSign atSign, String cramSecret) {
    String challenge = execute(new From(atSign));
    expectSuccess(execute(new Cram(AtCrypto.cramDigest(cramSecret, challenge))), "cram");
    authenticatedAs = atSign;
  }

  /**
   * Authenticates with the PKAM key: {@code from:} then {@code pkam:} with the SHA256withRSA
   * signature of the challenge (docs/protocol.md B5, C4).
   *
   * @param atSign the atSign whose atServer this is
   * @param keys its keys (the PKAM private key signs)
   * @throws AtException {@link AtErrorCode#UNAUTHENTICATED} when the server rejects the signature
   */
  public void authenticateWithPkam(AtSign atSign, AtKeys keys) {
    String challenge = execute(new From(atSign));
    String signature = crypto.sign(challenge, crypto.decodePrivateKey(keys.pkamPrivateKey()));
    expectSuccess(execute(new Pkam(signature)), "pkam");
    authenticatedAs = atSign;
  }

  /**
   * Sets who receives notifications arriving on this connection (after {@code monitor}).
   *
   * @param listener receives the JSON after {@code notification:}, on an event-loop thread
   */
  public void onNotification(Consumer<String> listener) {
    line.onUnsolicited(
        raw -> {
          if (parser.parse(raw) instanceof NotificationReply notification) {
            listener.accept(notification.json());
          }
        });
  }

  /** Says goodbye with {@code @exit} and closes. */
  @Override
  public void close() {
    if (line.isOpen()) {
      line.send("@exit");
    }
    line.close();
  }

  @Override
  public String toString() {
    return "AtConnection["
        + address
        + (authenticatedAs == null ? "" : " as " + authenticatedAs)
        + "]";
  }

  private static void expectSuccess(String payload, String verb) {
    if (!SUCCESS.equals(payload)) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED, verb + " was answered '" + payload + "', not 'success'");
    }
  }

  private static boolean isNotification(ReplyParser parser, String raw) {
    try {
      return parser.parse(raw) instanceof NotificationReply;
    } catch (AtException e) {
      return false;
    }
  }

  private static String verbOf(String command) {
    int colon = command.indexOf(':');
    int space = command.indexOf(' ');
    int end = colon < 0 ? space : space < 0 ? colon : Math.min(colon, space);
    return "'" + (end < 0 ? command : command.substring(0, end)) + "'";
  }

  /** The blocking wait is a safety net behind the client's own deadline. */
  /**
   * The wait for a step whose own timer has the step's bound: a little longer, within the deadline.
   */
  private static Duration margin(ClientOptions options, Duration step) {
    return options.within(step.plusSeconds(2));
  }
}
