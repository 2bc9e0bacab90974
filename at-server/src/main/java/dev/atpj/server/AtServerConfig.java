package dev.atpj.server;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.auth.AuthLimits;
import dev.atpj.server.core.ShrinkingIdlePolicy;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one atServer needs, each option named, typed and defaulted here. Build with {@link
 * #builder(AtSign, Path, TlsFiles)}.
 *
 * @param atSign the atSign this server serves
 * @param bindHost address to listen on
 * @param port port to listen on (0: any free port)
 * @param storageDir this atSign's storage folder (never shared with another atSign)
 * @param tls the server's certificate chain and key; its trusted CA is used for outbound calls
 * @param cramSecret the initial shared secret, stored as {@code privatekey:at_secret} unless the
 *     owner deleted it; null for none
 * @param maxLineBytes longest command line accepted (AT0005 and close beyond)
 * @param maxConnections inbound connections accepted at once (AT0012 beyond)
 * @param idlePolicy how long silent connections may stay
 * @param storeConfig storage settings (durability policy and paging limits)
 * @param expirySweepInterval how often expired keys are removed from storage
 * @param expirySweepBatchSize the most expired keys removed in one storage batch; a full batch is
 *     followed by the next one at once
 * @param authLimits how failed {@code cram}/{@code pkam} attempts are slowed down and refused
 * @param peers how this server talks to other atServers (atDirectory, pooling, timeouts, cache)
 * @param notifications how notifications are sent, received and streamed (ttln, retries, stats,
 *     autoNotify)
 * @param ops sync, statistics, compaction and certificate-reload settings
 */
public record AtServerConfig(
    AtSign atSign,
    String bindHost,
    int port,
    Path storageDir,
    TlsFiles tls,
    String cramSecret,
    int maxLineBytes,
    int maxConnections,
    ShrinkingIdlePolicy idlePolicy,
    StoreConfig storeConfig,
    Duration expirySweepInterval,
    int expirySweepBatchSize,
    AuthLimits authLimits,
    PeerConfig peers,
    NotificationConfig notifications,
    OpsConfig ops) {

  /** Default listening address: every interface. */
  public static final String DEFAULT_BIND_HOST = "0.0.0.0";

  /** Default port. */
  public static final int DEFAULT_PORT = 6464;

  /** Default line limit, as the reference (docs/protocol.md B3). */
  public static final int DEFAULT_MAX_LINE_BYTES = 10_240_000;

  /** Default inbound connection limit. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** Default interval of the expired-key sweep. */
  public static final Duration DEFAULT_EXPIRY_SWEEP_INTERVAL = Duration.ofSeconds(30);

  /** Default largest batch of the expired-key sweep. */
  public static final int DEFAULT_EXPIRY_SWEEP_BATCH_SIZE = 1000;

  /** Validates the settings. */
  public AtServerConfig {
    Objects.requireNonNull(atSign, "atSign");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(storageDir, "storageDir");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(idlePolicy, "idlePolicy");
    Objects.requireNonNull(storeConfig, "storeConfig");
    Objects.requireNonNull(expirySweepInterval, "expirySweepInterval");
    Objects.requireNonNull(authLimits, "authLimits");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(ops, "ops");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (maxLineBytes < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("line and connection limits must be positive");
    }
    if (expirySweepInterval.isZero() || expirySweepInterval.isNegative()) {
      throw new IllegalArgumentException("expirySweepInterval must be positive");
    }
    if (expirySweepBatchSize < 1) {
      throw new IllegalArgumentException("expirySweepBatchSize must be positive");
    }
  }

  /**
   * A builder with every default.
   *
   * @param atSign the atSign served
   * @param storageDir its storage folder
   * @param tls the server's TLS files
   * @return the builder
   */
  public static Builder builder(AtSign atSign, Path storageDir, TlsFiles tls) {
    return new Builder(atSign, storageDir, tls);
  }

  /** A builder holding this configuration, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(atSign, storageDir, tls)
        .bindHost(bindHost)
        .port(port)
        .cramSecret(cramSecret)
        .maxLineBytes(maxLineBytes)
        .maxConnections(maxConnections)
        .idlePolicy(idlePolicy)
        .storeConfig(storeConfig)
        .expirySweepInterval(expirySweepInterval)
        .expirySweepBatchSize(expirySweepBatchSize)
        .authLimits(authLimits)
        .peers(peers)
        .notifications(notifications)
        .ops(ops);
  }

  /** Builds {@link AtServerConfig}s. */
  public static final class Builder {
    private final AtSign atSign;
    private final Path storageDir;
    private final TlsFiles tls;
    private String bindHost = DEFAULT_BIND_HOST;
    private int port = DEFAULT_PORT;
    private String cramSecret;
    private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private ShrinkingIdlePolicy idlePolicy = ShrinkingIdlePolicy.REFERENCE_DEFAULTS;
    private StoreConfig storeConfig = StoreConfig.DEFAULT;
    private Duration expirySweepInterval = DEFAULT_EXPIRY_SWEEP_INTERVAL;
    private int expirySweepBatchSize = DEFAULT_EXPIRY_SWEEP_BATCH_SIZE;
    private AuthLimits authLimits = AuthLimits.DEFAULT;
    private PeerConfig peers = PeerConfig.DEFAULT;
    private NotificationConfig notifications = NotificationConfig.DEFAULT;
    private OpsConfig ops = OpsConfig.DEFAULT;

    private Builder(AtSign atSign, Path storageDir, TlsFiles tls) {
      this.atSign = atSign;
      this.storageDir = storageDir;
      this.tls = tls;
    }

    /** Sets {@link AtServerConfig#bindHost()}. */
    public Builder bindHost(String value) {
      bindHost = value;
      return this;
    }

    /** Sets {@link AtServerConfig#port()}. */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** Sets {@link AtServerConfig#cramSecret()}. */
    public Builder cramSecret(String value) {
      cramSecret = value;
      return this;
    }

    /** Sets {@link AtServerConfig#maxLineBytes()}. */
    public Builder maxLineBytes(int value) {
      maxLineBytes = value;
      return this;
    }

    /** Sets {@link AtServerConfig#maxConnections()}. */
    public Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    /** Sets {@link AtServerConfig#idlePolicy()}. */
    public Builder idlePolicy(ShrinkingIdlePolicy value) {
      idlePolicy = value;
      return this;
    }

    /** Sets {@link AtServerConfig#storeConfig()}. */
    public Builder storeConfig(StoreConfig value) {
      storeConfig = value;
      return this;
    }

    /** Sets {@link AtServerConfig#expirySweepInterval()}. */
    public Builder expirySweepInterval(Duration value) {
      expirySweepInterval = value;
      return this;
    }

    /** Sets {@link AtServerConfig#expirySweepBatchSize()}. */
    public Builder expirySweepBatchSize(int value) {
      expirySweepBatchSize = value;
      return this;
    }

    /** Sets {@link AtServerConfig#authLimits()}. */
    public Builder authLimits(AuthLimits value) {
      authLimits = value;
      return this;
    }

    /** Sets {@link AtServerConfig#peers()}. */
    public Builder peers(PeerConfig value) {
      peers = value;
      return this;
    }

    /** Sets {@link AtServerConfig#notifications()}. */
    public Builder notifications(NotificationConfig value) {
      notifications = value;
      return this;
    }

    /** Sets {@link AtServerConfig#ops()}. */
    public Builder ops(OpsConfig value) {
      ops = value;
      return this;
    }

    /** The configuration; validates it. */
    public AtServerConfig build() {
      return new AtServerConfig(
          atSign,
          bindHost,
          port,
          storageDir,
          tls,
          cramSecret,
          maxLineBytes,
          maxConnections,
          idlePolicy,
          storeConfig,
          expirySweepInterval,
          expirySweepBatchSize,
          authLimits,
          peers,
          notifications,
          ops);
    }
  }
}
