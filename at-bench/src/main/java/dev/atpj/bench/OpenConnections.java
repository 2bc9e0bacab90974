package dev.atpj.bench;

import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connections to one server that stay open: opened with at most {@value #IN_FLIGHT} handshakes in
 * flight (a TLS handshake costs about a millisecond of CPU, so more only queues), each proven with
 * one {@link ConnectionsBench#REQUEST}.
 */
final class OpenConnections {
  /** Connections being opened at once. */
  static final int IN_FLIGHT = 64;

  private final EventLoops loops;
  private final ClientTlsContext tls;
  private final int port;
  private final List<LineClient> open = new ArrayList<>();

  OpenConnections(EventLoops loops, ClientTlsContext tls, int port) {
    this.loops = loops;
    this.tls = tls;
    this.port = port;
  }

  /**
   * Opens {@code count} more connections and waits until each has answered.
   *
   * @param serverCpu the server's CPU time, to report it per connection opened
   * @return one row: connections per second, and the time from connecting to the first answer
   * @throws IllegalStateException when any connection fails, with the first cause
   */
  BenchResult open(int count, CpuMeter serverCpu) throws InterruptedException {
    long cpuFrom = serverCpu.cpuNanos();
    Semaphore window = new Semaphore(IN_FLIGHT);
    long[] latencies = new long[count];
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      window.acquire();
      int index = i;
      long sent = System.nanoTime();
      LineClient.connect(
              loops, tls, BenchPki.HOST, port, LineBenchClient.TIMEOUT, ReplyParser::stripPrompt)
          .thenCompose(
              client -> {
                keep(client);
                return client.request(ConnectionsBench.REQUEST, LineBenchClient.TIMEOUT);
              })
          .whenComplete(
              (answer, failure) -> {
                if (failure == null && answer.startsWith("data:")) {
                  latencies[index] = System.nanoTime() - sent;
                } else {
                  failures.incrementAndGet();
                  firstFailure.compareAndSet(
                      null,
                      failure != null ? failure : new IllegalStateException("answered " + answer));
                }
                window.release();
              });
    }
    window.acquire(IN_FLIGHT);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuTo = serverCpu.cpuNanos();
    if (failures.get() > 0) {
      Throwable cause = firstFailure.get();
      throw new IllegalStateException(
          failures.get() + " of " + count + " connections failed, first: " + cause.getMessage(),
          cause);
    }
    Arrays.sort(latencies);
    double cpuSeconds = cpuFrom < 0 || cpuTo < 0 ? Double.NaN : (cpuTo - cpuFrom) / 1e9;
    return new BenchResult("open", count, 0, seconds, latencies, cpuSeconds);
  }

  /** Connections still open. */
  synchronized int stillOpen() {
    return (int) open.stream().filter(LineClient::isOpen).count();
  }

  /** Closes every connection and waits until each has closed. */
  void closeAll() {
    List<LineClient> all;
    synchronized (this) {
      all = List.copyOf(open);
      open.clear();
    }
    all.forEach(LineClient::close);
    for (LineClient client : all) {
      client.closeFuture().join();
    }
  }

  private synchronized void keep(LineClient client) {
    open.add(client);
  }
}
