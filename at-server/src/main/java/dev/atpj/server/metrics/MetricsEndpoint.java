package dev.atpj.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus endpoint of a process: {@code GET /metrics} on a port of its own (the JDK's HTTP
 * server, one daemon thread), serving the series of every atServer published to {@link #registry()}
 * plus JVM memory, thread and CPU series. Off unless the operator starts it.
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** The path metrics are served on. */
  public static final String PATH = "/metrics";

  private final PrometheusMeterRegistry registry;
  private final HttpServer http;
  private final ExecutorService executor;

  private MetricsEndpoint(
      PrometheusMeterRegistry registry, HttpServer http, ExecutorService executor) {
    this.registry = registry;
    this.http = http;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @param host the address to listen on, e.g. {@code 127.0.0.1}
   * @param port the port (0: any free port)
   * @return the running endpoint
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static MetricsEndpoint start(String host, int port) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      registry.close();
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "atpj-metrics-http");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext(PATH, exchange -> scrape(exchange, registry));
    http.start();
    return new MetricsEndpoint(registry, http, executor);
  }

  private static void scrape(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The registry atServers publish to ({@link ServerMetrics#publishTo}). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The bound port. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Stops serving. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    registry.close();
  }
}
