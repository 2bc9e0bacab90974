package dev.atpj.server.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LatencyLog;
import dev.atpj.server.core.LineClient;
import dev.atpj.server.ops.WarningThrottle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound connections of one atServer to other atServers (docs/protocol.md Part A §11), kept
 * per peer atSign and kind ({@link Access}): at most {@link PeerConfig#connectionsPerPeer()} each,
 * reused and pipelined, so a second lookup to a peer pays no new TLS or {@code from}/{@code pol}
 * handshake. Concurrent first requests to a peer share one handshake. A connection that closes
 * (peer gone, request timed out) leaves the pool and the next request opens a new one; one unused
 * for {@link PeerConfig#idleTimeout()} is closed. At most {@link
 * PeerConfig#maxOutboundConnections()} are open or being opened: beyond, the least recently used
 * idle one is closed to make room, and without one the request fails with AT0006. The event loops
 * are the process's shared ones. Thread-safe.
 */
final class OutboundPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundPool.class);

  private final AtSign me;
  private final PeerConfig config;
  private final EventLoops loops;
  private final ClientTlsContext tls;
  private final DirectoryClient directory;
  private final PeerHandshake handshake;
  private final LongSupplier nanoTime;
  private final Map<SlotKey, Slot> slots = new HashMap<>();
  private final WarningThrottle warnings;
  private final AtomicLong handshakes = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final ScheduledFuture<?> idleSweep;
  private int counted;
  private boolean closed;

  private record SlotKey(AtSign peer, Access access) {}

  private static final class Slot {
    final List<PeerConnection> live = new ArrayList<>(2);
    CompletableFuture<PeerConnection> establishing;
  }

  OutboundPool(
      AtSign me,
      PeerConfig config,
      EventLoops loops,
      ClientTlsContext tls,
      DirectoryClient directory,
      PeerHandshake handshake,
      LongSupplier nanoTime) {
    this.me = me;
    this.warnings =
        new WarningThrottle(
            WarningThrottle.DEFAULT_INTERVAL, WarningThrottle.DEFAULT_MAX_SUBJECTS, nanoTime);
    this.config = config;
    this.loops = loops;
    this.tls = tls;
    this.directory = directory;
    this.handshake = handshake;
    this.nanoTime = nanoTime;
    long sweep = Math.max(10, Math.min(config.idleTimeout().toMillis() / 2, 30_000));
    this.idleSweep =
        loops
            .workers()
            .next()
            .scheduleWithFixedDelay(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /**
   * A connection to a peer's atServer, reused or new.
   *
   * @param peer the other atSign
   * @param access how to talk to it
   * @return the connection; fails with AT0007 (unknown atSign), AT0021 (unreachable), AT0008
   *     (handshake refused or timed out), AT0013 (blocked by the peer) or AT0006 (limit)
   */
  CompletableFuture<PeerConnection> acquire(AtSign peer, Access access) {
    if (peer.equals(me)) {
      throw new IllegalArgumentException("an atServer does not connect to itself");
    }
    SlotKey key = new SlotKey(peer, access);
    CompletableFuture<PeerConnection> created;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new AtException(AtErrorCode.UNABLE_TO_CONNECT, "the atServer is stopping"));
      }
      Slot slot = slots.computeIfAbsent(key, k -> new Slot());
      PeerConnection best = leastLoaded(slot);
      int planned = slot.live.size() + (slot.establishing == null ? 0 : 1);
      if (best != null && (best.inFlight() == 0 || planned >= config.connectionsPerPeer())) {
        return CompletableFuture.completedFuture(best);
      }
      if (slot.establishing != null) {
        return slot.establishing;
      }
      if (counted >= config.maxOutboundConnections() && !evictIdle()) {
        if (best != null) {
          return CompletableFuture.completedFuture(best);
        }
        return CompletableFuture.failedFuture(
            new AtException(
                AtErrorCode.OUTBOUND_CONNECTION_LIMIT,
                "all "
                    + config.maxOutboundConnections()
                    + " outbound connections are in use; try again later"));
      }
      counted++;
      created = new CompletableFuture<>();
      slot.establishing = created;
    }
    establish(peer, access)
        .whenComplete((connection, failure) -> settle(key, created, connection, failure));
    return created;
  }

  /** Outbound connections open now. */
  /** Open connections with no request in flight. */
  synchronized int idleConnections() {
    int idle = 0;
    for (Slot slot : slots.values()) {
      for (PeerConnection connection : slot.live) {
        if (connection.isOpen() && connection.inFlight() == 0) {
          idle++;
        }
      }
    }
    return idle;
  }

  synchronized int activeConnections() {
    int open = 0;
    for (Slot slot : slots.values()) {
      for (PeerConnection connection : slot.live) {
        if (connection.isOpen()) {
          open++;
        }
      }
    }
    return open;
  }

  /** How many {@code from}/{@code pol} handshakes completed since start. */
  long handshakesPerformed() {
    return handshakes.get();
  }

  /** How many outbound TLS connections were opened since start. */
  long connectionsOpened() {
    return connects.get();
  }

  @Override
  public void close() {
    List<PeerConnection> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (Slot slot : slots.values()) {
        all.addAll(slot.live);
      }
      slots.clear();
    }
    idleSweep.cancel(false);
    all.forEach(PeerConnection::close);
  }

  private CompletableFuture<PeerConnection> establish(AtSign peer, Access access) {
    if (directory == null) {
      return CompletableFuture.failedFuture(
          new AtException(
              AtErrorCode.SECONDARY_NOT_FOUND,
              peer + " cannot be found: this atServer has no atDirectory configured"));
    }
    boolean cachedAddress = directory.isCached(peer);
    long started = System.nanoTime();
    return connect(peer)
        .whenComplete(
            (c, f) ->
                LatencyLog.step("outbound connected (" + access + ")", me + "->" + peer, started))
        .exceptionallyCompose(
            failure -> {
              if (!cachedAddress || !Failures.is(failure, AtErrorCode.UNABLE_TO_CONNECT)) {
                return CompletableFuture.failedFuture(failure);
              }
              directory.forget(peer); // the atServer may have moved: ask once more
              return connect(peer);
            })
        .thenCompose(client -> authenticate(peer, access, client))
        .whenComplete(
            (connection, failure) -> {
              LatencyLog.step("outbound ready (" + access + ")", me + "->" + peer, started);
              if (failure != null) {
                warnFailed(peer, access, failure);
              }
            });
  }

  /** Warns of a failed connection, at most once a minute per peer (the rest at debug level). */
  private void warnFailed(AtSign peer, Access access, Throwable failure) {
    long held = warnings.admit(peer);
    String kind = access.name().toLowerCase(java.util.Locale.ROOT);
    if (held < 0) {
      LOG.debug(
          "{} connection from {} to {} failed: {}", kind, me, peer, Failures.describe(failure));
    } else {
      LOG.warn(
          "{} connection from {} to {} failed: {}{}",
          kind,
          me,
          peer,
          Failures.describe(failure),
          held == 0 ? "" : " (" + held + " more failures to it since the last warning)");
    }
  }

  private CompletableFuture<LineClient> connect(AtSign peer) {
    return directory
        .find(peer)
        .thenCompose(
            found -> {
              HostPort endpoint = found.orElseThrow(() -> notInDirectory(peer));
              connects.incrementAndGet();
              return LineClient.connect(
                  loops,
                  tls,
                  endpoint.host(),
                  endpoint.port(),
                  config.connectTimeout(),
                  UnaryOperator.identity());
            });
  }

  private CompletableFuture<PeerConnection> authenticate(
      AtSign peer, Access access, LineClient client) {
    PeerConnection connection = new PeerConnection(peer, access, client, nanoTime);
    if (access == Access.PUBLIC) {
      return CompletableFuture.completedFuture(connection);
    }
    return handshake
        .run(peer, client)
        .handle(
            (done, failure) -> {
              if (failure != null) {
                client.close();
                throw new java.util.concurrent.CompletionException(Failures.unwrap(failure));
              }
              handshakes.incrementAndGet();
              return connection;
            });
  }

  private void settle(
      SlotKey key,
      CompletableFuture<PeerConnection> created,
      PeerConnection connection,
      Throwable failure) {
    boolean stopping;
    synchronized (this) {
      Slot slot = slots.get(key);
      if (slot != null && slot.establishing == created) {
        slot.establishing = null;
      }
      stopping = closed;
      if (failure != null) {
        counted--;
      } else if (!stopping) {
        slots.computeIfAbsent(key, k -> new Slot()).live.add(connection);
      }
    }
    if (failure != null) {
      created.completeExceptionally(Failures.unwrap(failure));
      return;
    }
    connection.closeFuture().thenRun(() -> forget(key, connection));
    if (stopping) {
      connection.close();
      created.completeExceptionally(
          new AtException(AtErrorCode.UNABLE_TO_CONNECT, "the atServer is stopping"));
      return;
    }
    created.complete(connection);
  }

  private void forget(SlotKey key, PeerConnection connection) {
    synchronized (this) {
      Slot slot = slots.get(key);
      if (slot != null) {
        slot.live.remove(connection);
        if (slot.live.isEmpty() && slot.establishing == null) {
          slots.remove(key);
        }
      }
      if (connection.release()) {
        counted--;
      }
    }
  }

  /** Closes the least recently used idle connection; true when one was closed. Holds the lock. */
  private boolean evictIdle() {
    PeerConnection oldest = null;
    SlotKey oldestKey = null;
    for (Map.Entry<SlotKey, Slot> entry : slots.entrySet()) {
      for (PeerConnection connection : entry.getValue().live) {
        if (connection.inFlight() == 0
            && (oldest == null || connection.lastUsedNanos() - oldest.lastUsedNanos() < 0)) {
          oldest = connection;
          oldestKey = entry.getKey();
        }
      }
    }
    if (oldest == null) {
      return false;
    }
    slots.get(oldestKey).live.remove(oldest);
    if (oldest.release()) {
      counted--;
    }
    oldest.close();
    return true;
  }

  private void closeIdle() {
    long now = nanoTime.getAsLong();
    long limit = config.idleTimeout().toNanos();
    List<PeerConnection> idle = new ArrayList<>();
    synchronized (this) {
      for (Slot slot : slots.values()) {
        for (PeerConnection connection : slot.live) {
          if (connection.inFlight() == 0 && now - connection.lastUsedNanos() > limit) {
            idle.add(connection);
          }
        }
      }
    }
    idle.forEach(PeerConnection::close);
  }

  private static PeerConnection leastLoaded(Slot slot) {
    PeerConnection best = null;
    for (PeerConnection connection : slot.live) {
      if (connection.isOpen() && (best == null || connection.inFlight() < best.inFlight())) {
        best = connection;
      }
    }
    return best;
  }

  private static AtException notInDirectory(AtSign peer) {
    return new AtException(
        AtErrorCode.SECONDARY_NOT_FOUND, peer + " is not known to the atDirectory");
  }
}
