package dev.atpj.server.peer;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.LineClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One pooled outbound connection to another atServer: requests are pipelined, each answer is parsed
 * into its payload or the other atServer's error. Thread-safe.
 */
final class PeerConnection {
  private final AtSign peer;
  private final Access access;
  private final LineClient client;
  private final LongSupplier nanoTime;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile long lastUsedNanos;

  PeerConnection(AtSign peer, Access access, LineClient client, LongSupplier nanoTime) {
    this.peer = peer;
    this.access = access;
    this.client = client;
    this.nanoTime = nanoTime;
    this.lastUsedNanos = nanoTime.getAsLong();
  }

  AtSign peer() {
    return peer;
  }

  Access access() {
    return access;
  }

  /**
   * Sends a command and reads its payload.
   *
   * @param command the command line
   * @param timeout how long to wait; the connection closes when the answer is late
   * @return the text after {@code data:}; fails with the other atServer's error, AT0023 on timeout
   *     or AT0021 when the connection closed
   */
  CompletableFuture<String> request(String command, Duration timeout) {
    inFlight.incrementAndGet();
    requests.incrementAndGet();
    lastUsedNanos = nanoTime.getAsLong();
    return client
        .request(command, timeout)
        .whenComplete(
            (line, failure) -> {
              lastUsedNanos = nanoTime.getAsLong();
              inFlight.decrementAndGet();
            })
        .thenApply(line -> PeerReplies.data(line, peer));
  }

  /** How many requests were sent on this connection. */
  int requestCount() {
    return requests.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  boolean isOpen() {
    return client.isOpen();
  }

  CompletableFuture<Void> closeFuture() {
    return client.closeFuture();
  }

  /** Marks the connection as no longer counted by the pool; true the first time only. */
  boolean release() {
    return released.compareAndSet(false, true);
  }

  void close() {
    client.close();
  }

  @Override
  public String toString() {
    return access.name().toLowerCase(java.util.Locale.ROOT) + " connection to " + peer;
  }
}
