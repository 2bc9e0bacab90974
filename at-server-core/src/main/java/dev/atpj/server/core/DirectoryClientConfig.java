package dev.atpj.server.core;

import dev.atpj.protocol.HostPort;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DirectoryClient} asks an atDirectory.
 *
 * @param directory where the atDirectory listens
 * @param foundCacheTime how long a {@code host:port} answer is reused
 * @param missCacheTime how long a {@code null} answer (unknown atSign) is reused
 * @param timeout bound on one attempt: connect, TLS handshake and answer
 * @param attempts how many times a lookup is tried when the directory cannot be reached
 * @param retryDelay pause between attempts
 * @param maxCachedEntries the most answers kept; beyond it the least used are dropped first
 * @param keepAlive how long the connection kept for lookups may stay unused before it is closed;
 *     zero for a new connection per lookup
 * @param connectAtStart whether the owner opens the kept connection when it starts (an atServer
 *     does, so its first server-to-server request does not pay the directory's TLS handshake)
 */
public record DirectoryClientConfig(
    HostPort directory,
    Duration foundCacheTime,
    Duration missCacheTime,
    Duration timeout,
    int attempts,
    Duration retryDelay,
    int maxCachedEntries,
    Duration keepAlive,
    boolean connectAtStart) {

  /** Default time a found address is reused. */
  public static final Duration DEFAULT_FOUND_CACHE_TIME = Duration.ofSeconds(30);

  /** Default time an unknown atSign is remembered as unknown. */
  public static final Duration DEFAULT_MISS_CACHE_TIME = Duration.ofSeconds(5);

  /** Default bound on one attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** Default number of attempts. */
  public static final int DEFAULT_ATTEMPTS = 2;

  /** Default pause between attempts. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(200);

  /** Default cache size bound. */
  public static final int DEFAULT_MAX_CACHED_ENTRIES = 100_000;

  /** Default time the kept connection may stay unused. */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

  /** By default the kept connection is opened at start. */
  public static final boolean DEFAULT_CONNECT_AT_START = true;

  /** Validates. */
  public DirectoryClientConfig {
    Objects.requireNonNull(directory, "directory");
    for (Duration d :
        new Duration[] {foundCacheTime, missCacheTime, timeout, retryDelay, keepAlive}) {
      Objects.requireNonNull(d, "durations");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
    if (timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (attempts < 1 || maxCachedEntries < 1) {
      throw new IllegalArgumentException("attempts and maxCachedEntries must be positive");
    }
  }

  /**
   * Every default, for a directory.
   *
   * @param directory where the atDirectory listens
   * @return the configuration
   */
  public static DirectoryClientConfig defaults(HostPort directory) {
    return new DirectoryClientConfig(
        directory,
        DEFAULT_FOUND_CACHE_TIME,
        DEFAULT_MISS_CACHE_TIME,
        DEFAULT_TIMEOUT,
        DEFAULT_ATTEMPTS,
        DEFAULT_RETRY_DELAY,
        DEFAULT_MAX_CACHED_ENTRIES,
        DEFAULT_KEEP_ALIVE,
        DEFAULT_CONNECT_AT_START);
  }

  /** A copy with other cache times. */
  public DirectoryClientConfig withCacheTimes(Duration found, Duration miss) {
    return new DirectoryClientConfig(
        directory,
        found,
        miss,
        timeout,
        attempts,
        retryDelay,
        maxCachedEntries,
        keepAlive,
        connectAtStart);
  }

  /** A copy with another per-attempt timeout. */
  public DirectoryClientConfig withTimeout(Duration value) {
    return new DirectoryClientConfig(
        directory,
        foundCacheTime,
        missCacheTime,
        value,
        attempts,
        retryDelay,
        maxCachedEntries,
        keepAlive,
        connectAtStart);
  }

  /** A copy with another number of attempts. */
  public DirectoryClientConfig withAttempts(int value) {
    return new DirectoryClientConfig(
        directory,
        foundCacheTime,
        missCacheTime,
        timeout,
        value,
        retryDelay,
        maxCachedEntries,
        keepAlive,
        connectAtStart);
  }

  /**
   * A copy with another keep-alive policy.
   *
   * @param value how long the kept connection may stay unused; zero for a connection per lookup
   * @param atStart whether the owner opens it when it starts
   * @return the configuration
   */
  public DirectoryClientConfig withKeepAlive(Duration value, boolean atStart) {
    return new DirectoryClientConfig(
        directory,
        foundCacheTime,
        missCacheTime,
        timeout,
        attempts,
        retryDelay,
        maxCachedEntries,
        value,
        atStart);
  }
}
