package dev.atpj.server.core;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connection's {@link LineSession}, the one place that owns its ordered pipelining:
 * inputs are read into {@link LineCommand}s in order; a command runs when its turn comes (at once
 * when it and every outstanding one may overlap, otherwise once every earlier reply is written);
 * replies are written in input order as they become ready, on the event loop, flushed once per read
 * batch (so pipelined commands cost one flush). Back-pressure when a client sends faster than
 * replies complete or does not read its replies: while the channel is not writable ({@link
 * OutboundLimits}) no command starts and nothing more is read. Lines are held to {@link
 * LineServerConfig#UNAUTHENTICATED_MAX_LINE_BYTES} until a reply finds the session authenticated;
 * the full limit applies from the next line framed.
 */
final class SessionDriver extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(SessionDriver.class);
  private static final int PAUSE_READING_AT = 1024;

  private final LineSessionFactory factory;
  private final AcceptGate gate;
  private final int maxLineBytes;
  private final Clock clock;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private final ArrayDeque<Running> running = new ArrayDeque<>();
  private LineCommand parked;
  private LineSession session;
  private ChannelHandlerContext ctx;
  private boolean draining;
  private boolean closing;
  private boolean fullLineLimit;
  private volatile long lastActivityNanos = System.nanoTime();
  private volatile long unwritableSinceNanos;

  SessionDriver(LineSessionFactory factory, AcceptGate gate, int maxLineBytes, Clock clock) {
    this.factory = factory;
    this.gate = gate;
    this.maxLineBytes = maxLineBytes;
    this.clock = clock;
  }

  long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** Since when (System.nanoTime) the channel has not been writable; 0 while it is. */
  long unwritableSinceNanos() {
    return unwritableSinceNanos;
  }

  boolean authenticated() {
    LineSession s = session;
    return s != null && s.authenticated();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      if (!handshake.isSuccess()) {
        LOG.debug(
            "TLS handshake failed from {}: {}",
            ctx.channel().remoteAddress(),
            handshake.cause().toString());
        ctx.close();
      } else if (gate.isRejected(ctx.channel())) {
        String message = factory.connectionLimitMessage();
        writeText(message);
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
            .addListener(ChannelFutureListener.CLOSE);
        closing = true;
      } else {
        session = factory.create(new NettyConnection(ctx.channel(), clock.instant()));
        writeText(session.greeting());
        drain();
        ctx.flush();
      }
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastActivityNanos = System.nanoTime();
    if (closing) {
      return;
    }
    pending.add(msg);
    if (pending.size() >= PAUSE_READING_AT) {
      ctx.channel().config().setAutoRead(false);
    }
    drain();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable()) {
      unwritableSinceNanos = 0;
      drain();
      ctx.flush();
    } else if (unwritableSinceNanos == 0) {
      unwritableSinceNanos = System.nanoTime();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    pending.clear();
    if (session != null) {
      try {
        session.onClose();
      } catch (RuntimeException e) {
        LOG.warn("session close hook failed", e);
      }
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("closing {} after I/O failure: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  /** Runs what may run now, in input order. */
  private void drain() {
    draining = true;
    try {
      while (session != null && !closing && ctx.channel().isWritable()) {
        if (parked != null) {
          if (!running.isEmpty()) {
            break;
          }
          LineCommand next = parked;
          parked = null;
          start(next);
          continue;
        }
        if (!running.isEmpty() && !running.peekLast().command().mayOverlap()) {
          break;
        }
        Object input = pending.poll();
        if (input == null) {
          break;
        }
        LineCommand command = read(input);
        if (!running.isEmpty() && !command.mayOverlap()) {
          parked = command;
          break;
        }
        start(command);
      }
    } finally {
      draining = false;
    }
    boolean writable = ctx.channel().isWritable();
    if (!writable && ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(false);
    } else if (writable
        && pending.size() < PAUSE_READING_AT / 2
        && !ctx.channel().config().isAutoRead()
        && !closing) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void start(LineCommand command) {
    CompletableFuture<Response> reply = run(command);
    running.add(new Running(command, reply));
    if (reply.isDone()) {
      writeReady();
      return;
    }
    reply.whenComplete((response, failure) -> onLoop(this::replied));
  }

  /** A reply completed: write what is ready, run what may run now, flush. */
  private void replied() {
    writeReady();
    drain();
    ctx.flush();
  }

  /** Runs on the event loop: at once when already there (no second hop), else queued to it. */
  private void onLoop(Runnable task) {
    if (ctx.executor().inEventLoop() && !draining) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }

  /** Writes the replies that are ready, oldest first, up to the first that is not. */
  private void writeReady() {
    while (!running.isEmpty() && running.peek().reply().isDone() && !closing) {
      CompletableFuture<Response> reply = running.poll().reply();
      Response response = null;
      Throwable failure = null;
      try {
        response = reply.join();
      } catch (CompletionException | CancellationException e) {
        failure = e.getCause() == null ? e : e.getCause();
      }
      apply(response, failure);
    }
  }

  private LineCommand read(Object input) {
    try {
      if (input instanceof String line) {
        return session.read(line);
      }
      if (input == FramingEvent.LINE_TOO_LONG) {
        LineFrameDecoder framing = ctx.pipeline().get(LineFrameDecoder.class);
        int limit = framing == null ? maxLineBytes : framing.maxLineBytes();
        return LineCommand.ordered(
            () -> CompletableFuture.completedFuture(session.onLineTooLong(limit)));
      }
      return LineCommand.ordered(() -> CompletableFuture.completedFuture(session.onInvalidUtf8()));
    } catch (RuntimeException e) {
      return LineCommand.ordered(() -> CompletableFuture.failedFuture(e));
    }
  }

  private static CompletableFuture<Response> run(LineCommand command) {
    try {
      return command.run().get().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void apply(Response response, Throwable failure) {
    if (closing) {
      return;
    }
    if (failure != null) {
      LOG.warn("session {} failed on a command", ctx.channel().id().asShortText(), failure);
      response = session.onFailure(failure);
    }
    if (response == null) {
      return;
    }
    writeText(response.text());
    if (!fullLineLimit && session.authenticated()) {
      fullLineLimit = true;
      LineFrameDecoder framing = ctx.pipeline().get(LineFrameDecoder.class);
      if (framing != null) {
        framing.maxLineBytes(maxLineBytes);
      }
    }
    if (response.closeAfter()) {
      closing = true;
      pending.clear();
      ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** A command that runs, and its reply. */
  private record Running(LineCommand command, CompletableFuture<Response> reply) {}

  private void writeText(String text) {
    if (text != null && !text.isEmpty()) {
      ctx.write(ByteBufUtil.writeUtf8(ctx.alloc(), text), ctx.voidPromise());
    }
  }
}
