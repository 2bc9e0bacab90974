package dev.atpj.server.peer;

import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.DirectoryClientConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How an atServer talks to other atServers (docs/protocol.md Part A §8, §11, B3, B5, B8). Build
 * with {@link #builder()}; {@link #DEFAULT} has no atDirectory, so every other atSign is unknown
 * (AT0007) until one is set.
 *
 * @param directory the atDirectory that says where other atSigns' atServers are, and how it is
 *     asked; null for none
 * @param clientCertificateRequired whether {@code from:<other atSign>} requires a client
 *     certificate naming the host the directory gives for that atSign (whitepaper; reference {@code
 *     clientCertificateRequired})
 * @param connectTimeout bound on connecting to another atServer, TLS handshake included
 * @param requestTimeout bound on an answer from another atServer (reference: 3 s)
 * @param lookupTimeout bound on the answer to a remote {@code lookup} (reference: 5 s)
 * @param polTimeout bound on the answer to {@code pol}, which makes the other atServer call back
 * @param idleTimeout how long an unused outbound connection stays open
 * @param maxOutboundConnections the most outbound connections open or being opened at once; beyond,
 *     an idle one is closed to make room, or the request fails with AT0006
 * @param connectionsPerPeer the most connections to one atServer of one kind (pol-authenticated or
 *     unauthenticated); requests to it are pipelined over them
 * @param signingKeyCacheTime how long other atSigns' {@code signing_publickey} are reused for
 *     checking {@code pol}
 * @param publicCacheTime how long {@code plookup} keeps a public value whose owner set no ttr
 * @param cacheRefreshInterval how often cached copies whose refreshAt has passed are fetched again
 */
public record PeerConfig(
    DirectoryClientConfig directory,
    boolean clientCertificateRequired,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration lookupTimeout,
    Duration polTimeout,
    Duration idleTimeout,
    int maxOutboundConnections,
    int connectionsPerPeer,
    Duration signingKeyCacheTime,
    Duration publicCacheTime,
    Duration cacheRefreshInterval) {

  /** Default bound on connecting. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Default bound on an answer (reference: 3 s). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /** Default bound on a remote lookup's answer (reference: 5 s). */
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  /** Default bound on {@code pol}'s answer. */
  public static final Duration DEFAULT_POL_TIMEOUT = Duration.ofSeconds(10);

  /** Default idle time of an outbound connection. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** Default bound on outbound connections. */
  public static final int DEFAULT_MAX_OUTBOUND_CONNECTIONS = 200;

  /** Default connections per peer and kind. */
  public static final int DEFAULT_CONNECTIONS_PER_PEER = 1;

  /** Default reuse time of a peer's signing public key. */
  public static final Duration DEFAULT_SIGNING_KEY_CACHE_TIME = Duration.ofMinutes(5);

  /** Default time a public value without ttr stays cached (docs/protocol.md B8). */
  public static final Duration DEFAULT_PUBLIC_CACHE_TIME = Duration.ofHours(24);

  /** Default interval of the cache refresh job (reference: daily). */
  public static final Duration DEFAULT_CACHE_REFRESH_INTERVAL = Duration.ofDays(1);

  /** Every default, without an atDirectory. */
  public static final PeerConfig DEFAULT = builder().build();

  /** Validates. */
  public PeerConfig {
    for (Duration d :
        new Duration[] {
          connectTimeout,
          requestTimeout,
          lookupTimeout,
          polTimeout,
          idleTimeout,
          signingKeyCacheTime,
          publicCacheTime,
          cacheRefreshInterval
        }) {
      Objects.requireNonNull(d, "durations");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("peer durations must be positive, was " + d);
      }
    }
    if (maxOutboundConnections < 1 || connectionsPerPeer < 1) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .directory(directory)
        .clientCertificateRequired(clientCertificateRequired)
        .connectTimeout(connectTimeout)
        .requestTimeout(requestTimeout)
        .lookupTimeout(lookupTimeout)
        .polTimeout(polTimeout)
        .idleTimeout(idleTimeout)
        .maxOutboundConnections(maxOutboundConnections)
        .connectionsPerPeer(connectionsPerPeer)
        .signingKeyCacheTime(signingKeyCacheTime)
        .publicCacheTime(publicCacheTime)
        .cacheRefreshInterval(cacheRefreshInterval);
  }

  /** Builds {@link PeerConfig}s. */
  public static final class Builder {
    private DirectoryClientConfig directory;
    private boolean clientCertificateRequired = true;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration lookupTimeout = DEFAULT_LOOKUP_TIMEOUT;
    private Duration polTimeout = DEFAULT_POL_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private int maxOutboundConnections = DEFAULT_MAX_OUTBOUND_CONNECTIONS;
    private int connectionsPerPeer = DEFAULT_CONNECTIONS_PER_PEER;
    private Duration signingKeyCacheTime = DEFAULT_SIGNING_KEY_CACHE_TIME;
    private Duration publicCacheTime = DEFAULT_PUBLIC_CACHE_TIME;
    private Duration cacheRefreshInterval = DEFAULT_CACHE_REFRESH_INTERVAL;

    private Builder() {}

    /** Sets {@link PeerConfig#directory()}. */
    public Builder directory(DirectoryClientConfig value) {
      directory = value;
      return this;
    }

    /** Sets {@link PeerConfig#directory()} to a directory asked with the default settings. */
    public Builder directory(HostPort value) {
      directory = value == null ? null : DirectoryClientConfig.defaults(value);
      return this;
    }

    /** Sets {@link PeerConfig#clientCertificateRequired()}. */
    public Builder clientCertificateRequired(boolean value) {
      clientCertificateRequired = value;
      return this;
    }

    /** Sets {@link PeerConfig#connectTimeout()}. */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /** Sets {@link PeerConfig#requestTimeout()}. */
    public Builder requestTimeout(Duration value) {
      requestTimeout = value;
      return this;
    }

    /** Sets {@link PeerConfig#lookupTimeout()}. */
    public Builder lookupTimeout(Duration value) {
      lookupTimeout = value;
      return this;
    }

    /** Sets {@link PeerConfig#polTimeout()}. */
    public Builder polTimeout(Duration value) {
      polTimeout = value;
      return this;
    }

    /** Sets {@link PeerConfig#idleTimeout()}. */
    public Builder idleTimeout(Duration value) {
      idleTimeout = value;
      return this;
    }

    /** Sets {@link PeerConfig#maxOutboundConnections()}. */
    public Builder maxOutboundConnections(int value) {
      maxOutboundConnections = value;
      return this;
    }

    /** Sets {@link PeerConfig#connectionsPerPeer()}. */
    public Builder connectionsPerPeer(int value) {
      connectionsPerPeer = value;
      return this;
    }

    /** Sets {@link PeerConfig#signingKeyCacheTime()}. */
    public Builder signingKeyCacheTime(Duration value) {
      signingKeyCacheTime = value;
      return this;
    }

    /** Sets {@link PeerConfig#publicCacheTime()}. */
    public Builder publicCacheTime(Duration value) {
      publicCacheTime = value;
      return this;
    }

    /** Sets {@link PeerConfig#cacheRefreshInterval()}. */
    public Builder cacheRefreshInterval(Duration value) {
      cacheRefreshInterval = value;
      return this;
    }

    /** The configuration; validates it. */
    public PeerConfig build() {
      return new PeerConfig(
          directory,
          clientCertificateRequired,
          connectTimeout,
          requestTimeout,
          lookupTimeout,
          polTimeout,
          idleTimeout,
          maxOutboundConnections,
          connectionsPerPeer,
          signingKeyCacheTime,
          publicCacheTime,
          cacheRefreshInterval);
    }
  }
}
