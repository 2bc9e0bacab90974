package dev.atpj.server.notify;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where received notifications (and those to oneself) arrive: each is stored once and pushed to the
 * monitors once, however often the sender retries it (docs/protocol.md B11, "at-least-once on the
 * wire, exactly-once for the user").
 *
 * <p>A notification id is a duplicate when its record is stored, or while a first delivery of it is
 * being stored (the in-flight set); a duplicate is answered when the first delivery is durable and
 * is never pushed again. A new notification is pushed to the monitors while its record is synced
 * (or after, see {@link NotificationConfig#pushBeforeDurable()}), and a received key notification
 * updates the cached copy at the same time (B8): a value with a ttr is kept as {@code
 * cached:@me:<key>@<sender>}, a delete removes the copy when it, or the notification, has ccd. The
 * sender is answered once both are durable.
 */
final class Inbox {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  private final NotificationLog log;
  private final MonitorHub hub;
  private final AtStore store;
  private final RemoteCache cache;
  private final Clock clock;
  private final boolean pushBeforeDurable;
  private final NotificationCounters counters;
  private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

  private record InFlight(Notification notification, CompletableFuture<Void> done) {}

  Inbox(
      NotificationLog log,
      MonitorHub hub,
      AtStore store,
      RemoteCache cache,
      Clock clock,
      boolean pushBeforeDurable,
      NotificationCounters counters) {
    this.log = log;
    this.hub = hub;
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.pushBeforeDurable = pushBeforeDurable;
    this.counters = counters;
  }

  /**
   * Takes a received or self notification.
   *
   * @param n the notification, status delivered
   * @param executor where cache writes continue (the connection's event loop)
   * @return completes once the notification (and its cache change) is durable, or at once for a
   *     duplicate of a durable one
   */
  CompletableFuture<Void> accept(Notification n, Executor executor) {
    InFlight existing = inFlight.get(n.id());
    if (existing != null) {
      counters.duplicate();
      return existing.done();
    }
    if (log.hasReceived(n.id())) {
      counters.duplicate();
      return CompletableFuture.completedFuture(null);
    }
    InFlight mine = new InFlight(n, new CompletableFuture<>());
    existing = inFlight.putIfAbsent(n.id(), mine);
    if (existing != null) {
      counters.duplicate();
      return existing.done();
    }
    if (log.hasReceived(n.id())) { // a first delivery finished between the checks
      inFlight.remove(n.id(), mine);
      counters.duplicate();
      return CompletableFuture.completedFuture(null);
    }
    counters.received();
    CompletableFuture<Void> persisted = log.put(n);
    CompletableFuture<Void> cached = applyToCache(n, executor);
    if (pushBeforeDurable) {
      push(n);
    }
    CompletableFuture.allOf(persisted, cached)
        .whenComplete(
            (done, failure) -> {
              if (failure == null && !pushBeforeDurable) {
                push(n);
              }
              inFlight.remove(n.id(), mine);
              if (failure != null) {
                LOG.warn("storing received notification {} failed", n.id(), failure);
                mine.done().completeExceptionally(failure);
              } else {
                mine.done().complete(null);
              }
            });
    return mine.done();
  }

  /** Received notifications being stored now (for a monitor starting its replay). */
  Collection<Notification> inFlight() {
    Collection<Notification> all = new ArrayList<>();
    for (InFlight f : inFlight.values()) {
      all.add(f.notification());
    }
    return all;
  }

  private void push(Notification n) {
    counters.pushed();
    hub.publish(n);
  }

  private CompletableFuture<Void> applyToCache(Notification n, Executor executor) {
    if (n.kind() != NotificationKind.RECEIVED
        || n.messageType() != MessageType.KEY
        || n.from().equals(n.to())) {
      return CompletableFuture.completedFuture(null);
    }
    AtKey origin;
    try {
      origin = AtKey.parse(n.key());
    } catch (AtException e) {
      return CompletableFuture.completedFuture(null);
    }
    if (origin.cached() || !cache.isCopy(origin.asCached())) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?> work;
    if (n.operation() == NotifyOperation.DELETE) {
      AtKey copy = origin.asCached();
      boolean cascade =
          Boolean.TRUE.equals(n.metadata().ccd())
              || store
                  .get(copy.toString())
                  .map(StoredValue::metadata)
                  .map(m -> Boolean.TRUE.equals(m.ccd()))
                  .orElse(false);
      work = cascade ? cache.remove(copy, executor) : CompletableFuture.completedFuture(null);
    } else if (n.value() != null && n.metadata().ttr() != null) {
      work = cache.accept(origin, n.value(), copyMetadata(n.metadata()), executor);
    } else {
      work = CompletableFuture.completedFuture(null);
    }
    return work.handle(
        (result, failure) -> {
          if (failure != null) {
            LOG.warn("updating a cached copy for notification {} failed", n.id(), failure);
          }
          return null;
        });
  }

  /** The sender's metadata with ttl and ttb turned into times from now, as a copy keeps them. */
  private Metadata copyMetadata(Metadata m) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Metadata.Builder b = m.toBuilder().createdAt(now).updatedAt(now);
    if (m.ttl() != null && m.ttl() > 0) {
      b.expiresAt(now.plusMillis(m.ttl()));
    }
    if (m.ttb() != null && m.ttb() > 0) {
      b.availableAt(now.plusMillis(m.ttb()));
    }
    return b.build();
  }
}
