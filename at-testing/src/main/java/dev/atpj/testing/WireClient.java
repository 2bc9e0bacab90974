package dev.atpj.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A raw TLS line client for wire tests: send any line or bytes, read exactly what the server
 * writes. Built on a plain JDK {@link SSLSocket} like at_java: no hostname verification, the
 * JDK's SNI rule (sent for dotted DNS names only, never for IP literals or {@code localhost}), a
 * client certificate only if the {@link SSLContext} has one.
 *
 * <p>Framing (docs/protocol.md A2, B1, B4): on connect the atServer writes the bare prompt {@code @};
 * each reply is {@code <payload>\n<prompt>} with no newline after the prompt ({@code @}, {@code
 * @alice@}); the directory answers {@code <host>:<port>\r\n@}; a {@code pol} success is only the
 * new prompt; a {@code monitor} connection streams {@code notification: {json}\n} lines.
 *
 * <pre>{@code
 * try (WireClient client = pki.connect("127.0.0.2", port)) {
 *   assertThat(client.readPrompt()).isEqualTo("@");
 *   assertThat(client.command("from:@alice")).startsWith("data:");
 *   assertThat(client.lastPrompt()).isEqualTo("@");
 * }
 * }</pre>
 *
 * <p>Every wait, sending included, ends after the client's timeout ({@link #DEFAULT_TIMEOUT}
 * unless given) with an {@link AssertionError} that shows what arrived; I/O failures are {@link
 * UncheckedIOException}. Writes run on one helper thread per client so that a server that stops
 * reading cannot block a test. Not thread-safe: one test thread drives one client.
 */
public final class WireClient implements AutoCloseable {
  /** Default bound on every wait: connect, handshake, each reply. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Longest line {@link #readLine()} accepts (the server's own limit is about 10 MB). */
  public static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private final SSLSocket socket;
  private final ReplyReader replies;
  private final OutputStream out;
  private final Duration timeout;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "wire-client-writer");
            thread.setDaemon(true);
            return thread;
          });

  private WireClient(SSLSocket socket, Duration timeout) throws IOException {
    this.socket = socket;
    this.replies = new ReplyReader(new DeadlineReader(socket), MAX_LINE_BYTES);
    this.out = socket.getOutputStream();
    this.timeout = timeout;
  }

  /**
   * Connects and completes the TLS handshake, with {@link #DEFAULT_TIMEOUT}.
   *
   * @param host host name or IP literal
   * @param port port
   * @param context decides what is trusted and whether a client certificate is presented
   * @return the connected client
   */
  public static WireClient connect(String host, int port, SSLContext context) {
    return connect(host, port, context, DEFAULT_TIMEOUT);
  }

  /**
   * Connects and completes the TLS handshake.
   *
   * @param host host name or IP literal
   * @param port port
   * @param context decides what is trusted and whether a client certificate is presented
   * @param timeout bound on connecting, the handshake and every later wait
   * @return the connected client
   */
  public static WireClient connect(String host, int port, SSLContext context, Duration timeout) {
    return connectFrom(null, host, port, context, timeout);
  }

  /**
   * Connects from a chosen local address (e.g. {@code 127.0.0.7}, to test per-address limits) and
   * completes the TLS handshake.
   *
   * @param localHost the local address to bind, or null for any
   * @param host host name or IP literal
   * @param port port
   * @param context decides what is trusted and whether a client certificate is presented
   * @param timeout bound on connecting, the handshake and every later wait
   * @return the connected client
   */
  public static WireClient connectFrom(
      String localHost, String host, int port, SSLContext context, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    Socket plain = new Socket();
    try {
      if (localHost != null) {
        plain.bind(new InetSocketAddress(localHost, 0));
      }
      plain.connect(new InetSocketAddress(host, port), millis);
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
      tls.setSoTimeout(millis);
      tls.startHandshake();
      return new WireClient(tls, timeout);
    } catch (IOException e) {
      closeQuietly(plain);
      throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
    }
  }

  /** The TLS session: protocol, cipher suite, the server's certificates. */
  public SSLSession session() {
    return socket.getSession();
  }

  /**
   * Sends a line: the text as UTF-8 followed by {@code \n}.
   *
   * @param line the command, without line end
   */
  public void send(String line) {
    sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends bytes exactly as given (no line end added), e.g. invalid UTF-8 or a split command.
   *
   * @param bytes the bytes
   */
  public void sendRaw(byte[] bytes) {
    Future<?> write =
        writer.submit(
            () -> {
              out.write(bytes);
              out.flush();
              return null;
            });
    try {
      write.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      close(); // unblocks the stuck write
      throw new AssertionError(
          "timed out sending " + bytes.length + " bytes: the server stopped reading", e);
    } catch (ExecutionException e) {
      throw new UncheckedIOException("sending failed", asIoException(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while sending", e);
    }
  }

  /**
   * Reads one prompt: {@code @} (unauthenticated, and the directory's) or {@code @name@}. Use it
   * for the greeting after connect and for reply-less answers such as {@code pol}. Bytes after the
   * prompt stay unread.
   *
   * @return the prompt, also remembered as {@link #lastPrompt()}
   * @throws AssertionError when the next byte is not {@code @} or nothing arrives in time
   */
  public String readPrompt() {
    return replies.readPrompt(deadline());
  }

  /**
   * Reads one line up to {@code \n}; a {@code \r} before it is dropped. A prompt at the start of
   * the line (left by an earlier reply, as at_java sees it: {@code @alice@data:ok}) is removed and
   * remembered as {@link #lastPrompt()}. Use it for monitor notifications and for a reply that is
   * followed by a close instead of a prompt.
   *
   * @return the line without its prompt prefix and line end
   * @throws AssertionError when no full line arrives in time or the server closes first
   */
  public String readLine() {
    return replies.readLine(deadline());
  }

  /**
   * Reads one reply: the payload line, then the prompt after it.
   *
   * @return the payload, e.g. {@code data:success} or {@code 127.0.0.2:6464}
   */
  public String readReply() {
    String payload = readLine();
    readPrompt();
    return payload;
  }

  /**
   * Sends a command and reads its reply (payload line, then prompt).
   *
   * @param line the command, e.g. {@code from:@alice}
   * @return the payload, e.g. {@code data:_6f3a…@alice:1b2c…}
   */
  public String command(String line) {
    send(line);
    return readReply();
  }

  /**
   * Reads one reply and checks its start.
   *
   * @param prefix what the payload must start with, e.g. {@code data:} or {@code error:AT0003}
   * @return the whole payload
   * @throws AssertionError when the payload starts otherwise
   */
  public String expect(String prefix) {
    String payload = readReply();
    if (!payload.startsWith(prefix)) {
      throw new AssertionError(
          "expected a reply starting with <" + prefix + "> but got <" + payload + ">");
    }
    return payload;
  }

  /** The last prompt seen ({@code @}, {@code @alice@}), or null before any. */
  public String lastPrompt() {
    return replies.lastPrompt();
  }

  /**
   * Waits for the server to close the connection. Data that arrives first is left unread and makes
   * this return false at once.
   *
   * @param wait how long to wait for the close
   * @return true when the server closed (end of stream or reset), false when data arrived or the
   *     wait passed
   */
  public boolean isClosedByServer(Duration wait) {
    return replies.isClosed(System.nanoTime() + wait.toNanos());
  }

  /** Closes the connection (sends TLS close_notify); safe to call twice. */
  @Override
  public void close() {
    closeQuietly(socket);
    writer.shutdownNow();
  }

  private static IOException asIoException(Throwable cause) {
    return cause instanceof IOException io ? io : new IOException(cause);
  }

  private long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is best effort
    }
  }
}
