package dev.atpj.server.core;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An outbound TLS connection speaking a line protocol: requests are answered by one line each, in
 * order, so several can be in flight. Each answer passes through a prompt stripper first (the
 * peer's prompt arrives at the start of the next line). Lines that the stripper marks as
 * unsolicited (e.g. notifications) go to a listener instead. Every request has a deadline; a
 * request that misses it fails with {@link AtErrorCode#TIMEOUT} and the connection is closed, since
 * later answers could no longer be matched.
 */
public final class LineClient implements AutoCloseable {
  /** Longest answer line accepted by default, in bytes. */
  public static final int DEFAULT_MAX_LINE_BYTES = 10_240_000;

  private final Channel channel;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private volatile Consumer<String> unsolicited = line -> {};
  private volatile boolean closed;

  private final PromptWatcher prompts = new PromptWatcher();

  /**
   * A request waiting for its answer.
   *
   * @param answer completes with the answer
   * @param deadline the scheduled timeout
   * @param prompt for a request answered by a prompt alone (no line), that prompt's UTF-8 bytes;
   *     null for a request answered by a line
   */
  private record Pending(CompletableFuture<String> answer, Future<?> deadline, byte[] prompt) {}

  private LineClient(Channel channel) {
    this.channel = channel;
  }

  /**
   * A client on a channel that is already connected (tests use an {@code EmbeddedChannel}): the
   * line reading is added after the channel's handlers.
   *
   * @param channel the channel
   * @param stripper as for {@link #connect}
   * @return the client
   */
  static LineClient over(Channel channel, UnaryOperator<String> stripper) {
    LineClient client = new LineClient(channel);
    client.readLines(stripper);
    return client;
  }

  private void readLines(UnaryOperator<String> stripper) {
    channel
        .pipeline()
        .addLast(prompts)
        .addLast(new LineFrameDecoder(DEFAULT_MAX_LINE_BYTES))
        .addLast(new Reader(stripper));
  }

  /**
   * Connects and completes the TLS handshake.
   *
   * @param loops the shared event loops
   * @param tls the client TLS context
   * @param host the peer's host
   * @param port the peer's port
   * @param timeout bound on connecting plus handshaking
   * @param stripper turns a raw line into the answer: removes a leading prompt; returns {@code
   *     null} for an unsolicited line that answers no request
   * @return the connected client; fails with {@link AtErrorCode#UNABLE_TO_CONNECT}
   */
  public static CompletableFuture<LineClient> connect(
      EventLoops loops,
      ClientTlsContext tls,
      String host,
      int port,
      Duration timeout,
      UnaryOperator<String> stripper) {
    CompletableFuture<LineClient> result = new CompletableFuture<>();
    LineClient[] holder = new LineClient[1];
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loops.workers())
            .channel(loops.clientChannelType())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    SslHandler ssl = tls.newHandler(ch.alloc(), host, port);
                    ssl.setHandshakeTimeoutMillis(Math.max(1, timeout.toMillis()));
                    holder[0] = new LineClient(ch);
                    ch.pipeline().addLast(ssl);
                    holder[0].readLines(stripper);
                  }
                });
    long started = System.nanoTime();
    ChannelFuture connect = bootstrap.connect(host, port);
    connect.addListener(
        f -> {
          if (!f.isSuccess()) {
            result.completeExceptionally(unreachable(host, port, f.cause()));
            return;
          }
          LatencyLog.step("tcp connect", host + ":" + port, started);
          long handshaking = System.nanoTime();
          SslHandler ssl = connect.channel().pipeline().get(SslHandler.class);
          ssl.handshakeFuture()
              .addListener(
                  h -> {
                    if (h.isSuccess()) {
                      LatencyLog.step("tls handshake", host + ":" + port, handshaking);
                      result.complete(holder[0]);
                    } else {
                      connect.channel().close();
                      result.completeExceptionally(unreachable(host, port, h.cause()));
                    }
                  });
        });
    return result;
  }

  /**
   * Sends a line and waits for its answer.
   *
   * @param line the request without line ending
   * @param timeout how long to wait for the answer
   * @return the answer line with the prompt stripped
   */
  public CompletableFuture<String> request(String line, Duration timeout) {
    return enqueue(line, timeout, null);
  }

  /**
   * Sends a line whose success is answered by a prompt alone, with no line (as {@code pol} is,
   * docs/protocol.md B1), and waits for that prompt or for an answer line (an error).
   *
   * @param line the request without line ending
   * @param prompt the prompt that means success, e.g. {@code @bob@}
   * @param timeout how long to wait
   * @return the prompt on success, otherwise the answer line with the prompt stripped
   */
  public CompletableFuture<String> requestPrompt(String line, String prompt, Duration timeout) {
    return enqueue(line, timeout, prompt.getBytes(StandardCharsets.UTF_8));
  }

  private CompletableFuture<String> enqueue(String line, Duration timeout, byte[] prompt) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    channel
        .eventLoop()
        .execute(
            () -> {
              if (closed || !channel.isActive()) {
                answer.completeExceptionally(
                    new AtException(AtErrorCode.UNABLE_TO_CONNECT, "connection is closed"));
                return;
              }
              Future<?> deadline =
                  channel
                      .eventLoop()
                      .schedule(() -> expire(answer), timeout.toMillis(), TimeUnit.MILLISECONDS);
              pending.add(new Pending(answer, deadline, prompt));
              channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), line + "\n"));
            });
    return answer;
  }

  /**
   * Sends a line that expects no answer.
   *
   * @param line the line without line ending
   */
  public void send(String line) {
    channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), line + "\n"));
  }

  /**
   * Sets who receives unsolicited lines: those the stripper returned {@code null} for, passed on
   * raw.
   *
   * @param listener receives raw unsolicited lines on the event loop
   */
  public void onUnsolicited(Consumer<String> listener) {
    this.unsolicited = listener;
  }

  /** The TLS engine of the connection, its handshake done (for tests and diagnostics). */
  public javax.net.ssl.SSLEngine tlsEngine() {
    return channel.pipeline().get(SslHandler.class).engine();
  }

  /** Whether the connection is open. */
  public boolean isOpen() {
    return !closed && channel.isActive();
  }

  /** Completes when the connection has closed. */
  public CompletableFuture<Void> closeFuture() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    channel.closeFuture().addListener(f -> done.complete(null));
    return done;
  }

  @Override
  public void close() {
    closed = true;
    channel.close();
  }

  private void expire(CompletableFuture<String> answer) {
    if (!answer.isDone()) {
      answer.completeExceptionally(
          new AtException(AtErrorCode.TIMEOUT, "no answer from " + channel.remoteAddress()));
      close();
    }
  }

  private void failAll(Throwable cause) {
    Pending next;
    while ((next = pending.poll()) != null) {
      next.deadline().cancel(false);
      next.answer().completeExceptionally(cause);
    }
  }

  private static AtException unreachable(String host, int port, Throwable cause) {
    return new AtException(
        AtErrorCode.UNABLE_TO_CONNECT,
        "cannot reach " + host + ":" + port + " (" + describe(cause) + ")",
        cause);
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * Watches the bytes after the last line ending, before framing: when the oldest pending request
   * waits for a prompt and those bytes end with it, the request is answered (the prompt stays in
   * the framing buffer and is stripped from the next line as usual). Runs on the event loop.
   */
  private final class PromptWatcher extends ChannelInboundHandlerAdapter {
    private static final int MAX_TAIL = 256;
    private final byte[] tail = new byte[MAX_TAIL];
    private int tailLength;
    private boolean overflow;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf bytes) {
        for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
          byte b = bytes.getByte(i);
          if (b == '\n') {
            tailLength = 0;
            overflow = false;
          } else if (tailLength < MAX_TAIL) {
            tail[tailLength++] = b;
          } else {
            overflow = true;
          }
        }
      }
      ctx.fireChannelRead(msg);
      Pending next = pending.peek();
      if (next != null && next.prompt() != null && !overflow && tailEndsWith(next.prompt())) {
        pending.poll();
        next.deadline().cancel(false);
        next.answer().complete(new String(next.prompt(), StandardCharsets.UTF_8));
      }
    }

    private boolean tailEndsWith(byte[] prompt) {
      if (prompt.length > tailLength) {
        return false;
      }
      int offset = tailLength - prompt.length;
      for (int i = 0; i < prompt.length; i++) {
        if (tail[offset + i] != prompt[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private final class Reader extends SimpleChannelInboundHandler<Object> {
    private final UnaryOperator<String> stripper;

    Reader(UnaryOperator<String> stripper) {
      this.stripper = stripper;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof String line)) {
        failAll(new AtException(AtErrorCode.SOCKET_ERROR, "unreadable answer: " + msg));
        close();
        return;
      }
      String answer = stripper.apply(line);
      if (answer == null) {
        unsolicited.accept(line);
        return;
      }
      Pending next = pending.poll();
      if (next != null) {
        next.deadline().cancel(false);
        next.answer().complete(answer);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      closed = true;
      failAll(new AtException(AtErrorCode.UNABLE_TO_CONNECT, "connection closed by peer"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      failAll(new AtException(AtErrorCode.SOCKET_ERROR, describe(cause), cause));
      close();
    }
  }
}
