package dev.atpj.server.metrics;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Verb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The metrics of one atServer, and the hooks other features feed (outbound connections,
 * notifications). Every series carries the tag {@code atsign}. The meters live in a composite
 * registry that records nothing until {@link #publishTo} adds a real one (the process's Prometheus
 * registry, or a test's simple registry), so an unpublished server pays almost nothing.
 *
 * <p>Series (Prometheus names): {@code atpj_connections_active{direction}}, {@code
 * atpj_connections_opened_total}, {@code atpj_verb_seconds{verb}} (count, sum, max and histogram
 * buckets {@code _bucket{le}}: verbs per second and latency percentiles by verb), {@code
 * atpj_errors_total{code}}, {@code atpj_notifications_total{state}} (queued, delivered, failed),
 * {@code atpj_outbound_connections{state}} (active: a request in flight, idle), {@code
 * atpj_storage_bytes}, {@code atpj_commit_id}, {@code atpj_compaction_removed_total{log}}.
 */
public final class ServerMetrics implements AutoCloseable {
  /** The tag naming the atSign. */
  public static final String ATSIGN_TAG = "atsign";

  /**
   * The bucket bounds of the verb latency histogram, 100 µs to 10 s in 1-2.5-5 steps: 16 series per
   * verb and atSign with {@code +Inf} (a percentile histogram would publish 77, too many for
   * thousands of atSigns in one process).
   */
  public static final List<Duration> LATENCY_BUCKETS =
      List.of(
          Duration.ofNanos(100_000),
          Duration.ofNanos(250_000),
          Duration.ofNanos(500_000),
          Duration.ofMillis(1),
          Duration.ofNanos(2_500_000),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2_500),
          Duration.ofSeconds(10));

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final List<MeterRegistry> published = new CopyOnWriteArrayList<>();
  private final Tags tags;
  private final AtomicInteger inbound = new AtomicInteger();
  private final Counter opened;
  private final Map<String, Timer> verbTimers = new ConcurrentHashMap<>();
  private final Map<AtErrorCode, Counter> errors = new ConcurrentHashMap<>();
  private final Counter queued;
  private final Counter delivered;
  private final Counter failed;
  private volatile IntSupplier outboundOpen = () -> 0;
  private volatile IntSupplier outboundIdle = () -> 0;
  private volatile Supplier<NotificationCounts> notificationCounts;

  /**
   * Metrics of one server.
   *
   * @param atSign the server's atSign, the {@code atsign} tag
   * @param storageBytes the store's size, read when scraped
   * @param lastCommitId the last commit id, read when scraped
   */
  public ServerMetrics(AtSign atSign, LongSupplier storageBytes, LongSupplier lastCommitId) {
    this.tags = Tags.of(ATSIGN_TAG, atSign.toString());
    Gauge.builder("atpj.connections.active", inbound, AtomicInteger::get)
        .tags(tags.and("direction", "inbound"))
        .description("open connections")
        .register(registry);
    Gauge.builder("atpj.connections.active", this, m -> m.activeOutbound())
        .tags(tags.and("direction", "outbound"))
        .register(registry);
    opened =
        Counter.builder("atpj.connections.opened")
            .tags(tags)
            .description("connections accepted")
            .register(registry);
    queued = notifications("queued");
    delivered = notifications("delivered");
    failed = notifications("failed");
    Gauge.builder("atpj.outbound.connections", this, m -> m.outboundBusy())
        .tags(tags.and("state", "active"))
        .description("pooled outbound connections")
        .register(registry);
    Gauge.builder("atpj.outbound.connections", this, m -> m.outboundIdle.getAsInt())
        .tags(tags.and("state", "idle"))
        .register(registry);
    Gauge.builder("atpj.storage", storageBytes, s -> (double) s.getAsLong())
        .strongReference(true)
        .tags(tags)
        .baseUnit("bytes")
        .description("approximate storage size")
        .register(registry);
    Gauge.builder("atpj.commit.id", lastCommitId, s -> (double) s.getAsLong())
        .strongReference(true)
        .tags(tags)
        .description("last commit id")
        .register(registry);
  }

  private Counter notifications(String state) {
    return Counter.builder("atpj.notifications")
        .tags(tags.and("state", state))
        .description("notifications by outcome")
        .register(registry);
  }

  /**
   * The registry meters are registered in; add gauges of other features here with {@link #tags}.
   */
  public MeterRegistry registry() {
    return registry;
  }

  /** The tags every series of this server carries. */
  public Tags tags() {
    return tags;
  }

  /**
   * Publishes every meter of this server, present and future, to another registry.
   *
   * @param target e.g. the process's Prometheus registry
   */
  public void publishTo(MeterRegistry target) {
    published.add(target);
    registry.add(target);
  }

  /** A connection's session started. */
  public void sessionOpened() {
    inbound.incrementAndGet();
    opened.increment();
  }

  /** A connection's session ended. */
  public void sessionClosed() {
    inbound.decrementAndGet();
  }

  /** Open inbound connections (B13 {@code activeInboundConnections}). */
  public int activeInbound() {
    return inbound.get();
  }

  /** Open outbound connections, busy or idle (B13 {@code activeOutboundConnections}). */
  public int activeOutbound() {
    return outboundOpen.getAsInt();
  }

  private int outboundBusy() {
    return Math.max(0, outboundOpen.getAsInt() - outboundIdle.getAsInt());
  }

  /**
   * Records one handled command.
   *
   * @param verb the command's verb, or null when it had none (an unparsable line)
   * @param nanos how long it took until its reply was ready
   */
  public void verbHandled(Verb verb, long nanos) {
    String name = verb == null ? "invalid" : verb.wireName();
    verbTimers
        .computeIfAbsent(
            name,
            n ->
                Timer.builder("atpj.verb")
                    .tags(tags.and("verb", n))
                    .description("commands handled, by verb")
                    .serviceLevelObjectives(LATENCY_BUCKETS.toArray(Duration[]::new))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Records an error reply.
   *
   * @param code its code
   */
  public void error(AtErrorCode code) {
    errors
        .computeIfAbsent(
            code,
            c ->
                Counter.builder("atpj.errors")
                    .tags(tags.and("code", c.code()))
                    .description("error replies, by code")
                    .register(registry))
        .increment();
  }

  /** A notification was queued for delivery (fed by the notification feature). */
  public void notificationQueued() {
    queued.increment();
  }

  /** A notification was delivered (fed by the notification feature). */
  public void notificationDelivered() {
    delivered.increment();
  }

  /** A notification's delivery was given up (fed by the notification feature). */
  public void notificationFailed() {
    failed.increment();
  }

  /**
   * Lets the outbound connection pool report its use.
   *
   * @param open connections open now, busy or idle
   * @param idle those of them with no request in flight
   */
  public void outboundPool(IntSupplier open, IntSupplier idle) {
    this.outboundOpen = open;
    this.outboundIdle = idle;
  }

  /**
   * Lets the notification feature report what {@code stats:11} shows.
   *
   * @param counts read whenever the statistic is asked for
   */
  public void notificationCounts(Supplier<NotificationCounts> counts) {
    this.notificationCounts = counts;
  }

  /** The notification counts source, or null when the notification feature set none. */
  public Supplier<NotificationCounts> notificationCounts() {
    return notificationCounts;
  }

  /**
   * Counts records removed by a compaction run.
   *
   * @param log which log ({@code commitLog}, {@code accessLog}, {@code notificationLog})
   * @param removed how many
   */
  public void compacted(String log, long removed) {
    Counter.builder("atpj.compaction.removed")
        .tags(tags.and("log", log))
        .description("log records removed by compaction")
        .register(registry)
        .increment(removed);
  }

  /** Removes this server's meters from the registries it was published to. */
  @Override
  public void close() {
    for (Meter meter : registry.getMeters()) {
      for (MeterRegistry target : published) {
        target.remove(meter.getId());
      }
    }
    registry.close();
  }
}
