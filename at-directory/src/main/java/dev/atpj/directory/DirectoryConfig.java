package dev.atpj.directory;

import dev.atpj.protocol.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a directory server needs besides its registry.
 *
 * @param bindHost address to listen on
 * @param port port to listen on (0: any free port)
 * @param maxLineBytes longest lookup line accepted, in bytes
 * @param maxConnections connections accepted at once
 * @param idleTimeout how long a silent connection stays open
 * @param missThrottle penalty for unknown atSigns
 * @param registryRefresh how often a file registry is checked for changes
 * @param upstream the upstream directory for split horizon, or {@code null}
 * @param upstreamCa CA file trusted for the upstream, or {@code null} for the JDK's trust store
 * @param upstreamCacheTime how long upstream answers are cached
 * @param upstreamTimeout bound on one attempt of an upstream lookup (a failed attempt is tried once
 *     more)
 */
public record DirectoryConfig(
    String bindHost,
    int port,
    int maxLineBytes,
    int maxConnections,
    Duration idleTimeout,
    MissThrottle missThrottle,
    Duration registryRefresh,
    HostPort upstream,
    Path upstreamCa,
    Duration upstreamCacheTime,
    Duration upstreamTimeout) {

  /** The atDirectory's well-known port (ASCII {@code @}). */
  public static final int WELL_KNOWN_PORT = 64;

  /** Default port of a private directory, unprivileged. */
  public static final int DEFAULT_PORT = 46464;

  /** Default line limit: the reference root's 255-character buffer. */
  public static final int DEFAULT_MAX_LINE_BYTES = 255;

  /** Default connection limit. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** Default idle timeout. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** Default interval between registry file checks. */
  public static final Duration DEFAULT_REGISTRY_REFRESH = Duration.ofSeconds(1);

  /** Default time upstream answers are cached. */
  public static final Duration DEFAULT_UPSTREAM_CACHE_TIME = Duration.ofMinutes(5);

  /** Default bound on an upstream lookup. */
  public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(5);

  /** Validates the settings. */
  public DirectoryConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(missThrottle, "missThrottle");
    Objects.requireNonNull(registryRefresh, "registryRefresh");
    Objects.requireNonNull(upstreamCacheTime, "upstreamCacheTime");
    Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    if (maxLineBytes < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("line and connection limits must be positive");
    }
  }

  /**
   * A configuration with every default, listening on the given address.
   *
   * @param bindHost address to listen on
   * @param port port to listen on
   * @return the configuration
   */
  public static DirectoryConfig defaults(String bindHost, int port) {
    return new DirectoryConfig(
        bindHost,
        port,
        DEFAULT_MAX_LINE_BYTES,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_IDLE_TIMEOUT,
        MissThrottle.REFERENCE,
        DEFAULT_REGISTRY_REFRESH,
        null,
        null,
        DEFAULT_UPSTREAM_CACHE_TIME,
        DEFAULT_UPSTREAM_TIMEOUT);
  }

  /** A copy with another miss throttle. */
  public DirectoryConfig withMissThrottle(MissThrottle throttle) {
    return new DirectoryConfig(
        bindHost,
        port,
        maxLineBytes,
        maxConnections,
        idleTimeout,
        throttle,
        registryRefresh,
        upstream,
        upstreamCa,
        upstreamCacheTime,
        upstreamTimeout);
  }

  /** A copy forwarding unknown atSigns to an upstream directory. */
  public DirectoryConfig withUpstream(HostPort upstream, Path upstreamCa, Duration cacheTime) {
    return new DirectoryConfig(
        bindHost,
        port,
        maxLineBytes,
        maxConnections,
        idleTimeout,
        missThrottle,
        registryRefresh,
        upstream,
        upstreamCa,
        cacheTime,
        upstreamTimeout);
  }

  /** A copy with another idle timeout. */
  public DirectoryConfig withIdleTimeout(Duration idle) {
    return new DirectoryConfig(
        bindHost,
        port,
        maxLineBytes,
        maxConnections,
        idle,
        missThrottle,
        registryRefresh,
        upstream,
        upstreamCa,
        upstreamCacheTime,
        upstreamTimeout);
  }
}
