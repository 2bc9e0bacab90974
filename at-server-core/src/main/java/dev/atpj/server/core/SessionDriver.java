package dev.atpj.server.core;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connection's {@link LineSession}: one input at a time, replies written in order,
 * flushed once per read batch (so pipelined commands cost one flush), back-pressure when a client
 * sends faster than replies complete or does not read its replies: while the channel is not
 * writable ({@link OutboundLimits}) no command is handled and nothing more is read. Lines are held
 * to {@link LineServerConfig#UNAUTHENTICATED_MAX_LINE_BYTES} until a reply finds the session
 * authenticated; the full limit applies from the next line framed.
 */
final class SessionDriver extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(SessionDriver.class);
  private static final int PAUSE_READING_AT = 1024;

  private final LineSessionFactory factory;
  private final AcceptGate gate;
  private final int maxLineBytes;
  private final Clock clock;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private LineSession session;
  private ChannelHandlerContext ctx;
  private boolean busy;
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

  private void drain() {
    while (session != null && !busy && !closing && ctx.channel().isWritable()) {
      Object next = pending.poll();
      if (next == null) {
        break;
      }
      CompletableFuture<Response> reply = dispatch(next);
      if (reply.isDone()) {
        apply(reply.getNow(null), null);
      } else {
        busy = true;
        reply.whenComplete(
            (response, failure) ->
                ctx.executor()
                    .execute(
                        () -> {
                          busy = false;
                          apply(response, failure);
                          drain();
                          ctx.flush();
                        }));
      }
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

  private CompletableFuture<Response> dispatch(Object input) {
    try {
      if (input instanceof String line) {
        CompletionStage<Response> stage = session.onLine(line);
        return stage.toCompletableFuture();
      }
      if (input == FramingEvent.LINE_TOO_LONG) {
        LineFrameDecoder framing = ctx.pipeline().get(LineFrameDecoder.class);
        int limit = framing == null ? maxLineBytes : framing.maxLineBytes();
        return CompletableFuture.completedFuture(session.onLineTooLong(limit));
      }
      return CompletableFuture.completedFuture(session.onInvalidUtf8());
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

  private void writeText(String text) {
    if (text != null && !text.isEmpty()) {
      ctx.write(ByteBufUtil.writeUtf8(ctx.alloc(), text), ctx.voidPromise());
    }
  }
}
