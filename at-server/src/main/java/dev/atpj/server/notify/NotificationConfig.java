package dev.atpj.server.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How an atServer sends, receives and streams notifications (docs/protocol.md B7 autoNotify, B11).
 * Build with {@link #builder()}; {@link #DEFAULT} holds every default.
 *
 * @param defaultTtln how long a notification lives when {@code ttln} is not given or 0 (reference:
 *     15 minutes); a notification not delivered by then is {@code expired}
 * @param retryMinDelay the first pause before a delivery to an unreachable atServer is tried again
 * @param retryMaxDelay the longest pause between tries; pauses double up to it
 * @param retryJitter how much each pause varies at random, as a fraction of it (0 to 1)
 * @param maxAttempts the most delivery attempts of one notification before it is {@code errored}; 0
 *     for no limit (tries go on until the notification expires)
 * @param deliveryTimeout bound on the recipient atServer's answer to a forwarded {@code notify}
 *     (reference: 10 s); a late answer closes the connection and counts as a failed attempt
 * @param maxInFlightPerRecipient the most notifications to one atSign sent and not yet answered;
 *     they are pipelined in order on the pooled connection
 * @param statsInterval the least time between two stats notifications ({@code id:"-1"}, the latest
 *     commit id) pushed to monitors; changes in between are coalesced. Zero disables them
 * @param autoNotify whether updating or deleting a key shared with another atSign notifies that
 *     atSign's atServer (reference {@code notification.autoNotify})
 * @param pushBeforeDurable whether a received notification is pushed to monitors while its record
 *     is being synced, rather than after; the sender is answered after the sync either way. True
 *     keeps the sync off the latency path; the only cost is that a recipient crash inside that sync
 *     can show a monitor the notification once more after the retry
 * @param compactionInterval how often expired notification records are removed
 * @param compactionBatchSize the most records one compaction run removes
 * @param listLimit the most notifications one {@code notify:list} answers with
 */
public record NotificationConfig(
    Duration defaultTtln,
    Duration retryMinDelay,
    Duration retryMaxDelay,
    double retryJitter,
    int maxAttempts,
    Duration deliveryTimeout,
    int maxInFlightPerRecipient,
    Duration statsInterval,
    boolean autoNotify,
    boolean pushBeforeDurable,
    Duration compactionInterval,
    int compactionBatchSize,
    int listLimit) {

  /** Default {@link #defaultTtln()}: 15 minutes, as the reference. */
  public static final Duration DEFAULT_TTLN = Duration.ofMinutes(15);

  /** Default {@link #retryMinDelay()} (reference: 200 ms). */
  public static final Duration DEFAULT_RETRY_MIN_DELAY = Duration.ofMillis(200);

  /** Default {@link #retryMaxDelay()} (reference: 10 s). */
  public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(10);

  /** Default {@link #retryJitter()}. */
  public static final double DEFAULT_RETRY_JITTER = 0.2;

  /** Default {@link #maxAttempts()}: no limit, bounded by the notification's ttln. */
  public static final int DEFAULT_MAX_ATTEMPTS = 0;

  /** Default {@link #deliveryTimeout()} (reference: 10 s). */
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  /** Default {@link #maxInFlightPerRecipient()}. */
  public static final int DEFAULT_MAX_IN_FLIGHT_PER_RECIPIENT = 256;

  /** Default {@link #statsInterval()}. */
  public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofMillis(500);

  /** Default {@link #compactionInterval()}. */
  public static final Duration DEFAULT_COMPACTION_INTERVAL = Duration.ofMinutes(1);

  /** Default {@link #compactionBatchSize()}. */
  public static final int DEFAULT_COMPACTION_BATCH_SIZE = 1000;

  /** Default {@link #listLimit()}. */
  public static final int DEFAULT_LIST_LIMIT = 10_000;

  /** Every default. */
  public static final NotificationConfig DEFAULT = builder().build();

  /** Validates. */
  public NotificationConfig {
    Objects.requireNonNull(defaultTtln, "defaultTtln");
    Objects.requireNonNull(retryMinDelay, "retryMinDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
    Objects.requireNonNull(statsInterval, "statsInterval");
    Objects.requireNonNull(compactionInterval, "compactionInterval");
    if (!positive(defaultTtln)
        || !positive(retryMinDelay)
        || retryMaxDelay.compareTo(retryMinDelay) < 0
        || !positive(deliveryTimeout)
        || !positive(compactionInterval)) {
      throw new IllegalArgumentException(
          "ttln, retry delays, delivery timeout and compaction interval must be positive,"
              + " and retryMaxDelay at least retryMinDelay");
    }
    if (statsInterval.isNegative()) {
      throw new IllegalArgumentException("statsInterval must not be negative");
    }
    if (retryJitter < 0 || retryJitter > 1) {
      throw new IllegalArgumentException("retryJitter must be in 0..1");
    }
    if (maxAttempts < 0
        || maxInFlightPerRecipient < 1
        || compactionBatchSize < 1
        || listLimit < 1) {
      throw new IllegalArgumentException(
          "maxAttempts must not be negative; in-flight, batch and list limits must be positive");
    }
  }

  private static boolean positive(Duration d) {
    return !d.isZero() && !d.isNegative();
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .defaultTtln(defaultTtln)
        .retryMinDelay(retryMinDelay)
        .retryMaxDelay(retryMaxDelay)
        .retryJitter(retryJitter)
        .maxAttempts(maxAttempts)
        .deliveryTimeout(deliveryTimeout)
        .maxInFlightPerRecipient(maxInFlightPerRecipient)
        .statsInterval(statsInterval)
        .autoNotify(autoNotify)
        .pushBeforeDurable(pushBeforeDurable)
        .compactionInterval(compactionInterval)
        .compactionBatchSize(compactionBatchSize)
        .listLimit(listLimit);
  }

  /** Builds {@link NotificationConfig}s. */
  public static final class Builder {
    private Duration defaultTtln = DEFAULT_TTLN;
    private Duration retryMinDelay = DEFAULT_RETRY_MIN_DELAY;
    private Duration retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;
    private double retryJitter = DEFAULT_RETRY_JITTER;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
    private int maxInFlightPerRecipient = DEFAULT_MAX_IN_FLIGHT_PER_RECIPIENT;
    private Duration statsInterval = DEFAULT_STATS_INTERVAL;
    private boolean autoNotify = true;
    private boolean pushBeforeDurable = true;
    private Duration compactionInterval = DEFAULT_COMPACTION_INTERVAL;
    private int compactionBatchSize = DEFAULT_COMPACTION_BATCH_SIZE;
    private int listLimit = DEFAULT_LIST_LIMIT;

    private Builder() {}

    /** Sets {@link NotificationConfig#defaultTtln()}. */
    public Builder defaultTtln(Duration value) {
      defaultTtln = value;
      return this;
    }

    /** Sets {@link NotificationConfig#retryMinDelay()}. */
    public Builder retryMinDelay(Duration value) {
      retryMinDelay = value;
      return this;
    }

    /** Sets {@link NotificationConfig#retryMaxDelay()}. */
    public Builder retryMaxDelay(Duration value) {
      retryMaxDelay = value;
      return this;
    }

    /** Sets {@link NotificationConfig#retryJitter()}. */
    public Builder retryJitter(double value) {
      retryJitter = value;
      return this;
    }

    /** Sets {@link NotificationConfig#maxAttempts()}. */
    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    /** Sets {@link NotificationConfig#deliveryTimeout()}. */
    public Builder deliveryTimeout(Duration value) {
      deliveryTimeout = value;
      return this;
    }

    /** Sets {@link NotificationConfig#maxInFlightPerRecipient()}. */
    public Builder maxInFlightPerRecipient(int value) {
      maxInFlightPerRecipient = value;
      return this;
    }

    /** Sets {@link NotificationConfig#statsInterval()}. */
    public Builder statsInterval(Duration value) {
      statsInterval = value;
      return this;
    }

    /** Sets {@link NotificationConfig#autoNotify()}. */
    public Builder autoNotify(boolean value) {
      autoNotify = value;
      return this;
    }

    /** Sets {@link NotificationConfig#pushBeforeDurable()}. */
    public Builder pushBeforeDurable(boolean value) {
      pushBeforeDurable = value;
      return this;
    }

    /** Sets {@link NotificationConfig#compactionInterval()}. */
    public Builder compactionInterval(Duration value) {
      compactionInterval = value;
      return this;
    }

    /** Sets {@link NotificationConfig#compactionBatchSize()}. */
    public Builder compactionBatchSize(int value) {
      compactionBatchSize = value;
      return this;
    }

    /** Sets {@link NotificationConfig#listLimit()}. */
    public Builder listLimit(int value) {
      listLimit = value;
      return this;
    }

    /** The configuration; validates it. */
    public NotificationConfig build() {
      return new NotificationConfig(
          defaultTtln,
          retryMinDelay,
          retryMaxDelay,
          retryJitter,
          maxAttempts,
          deliveryTimeout,
          maxInFlightPerRecipient,
          statsInterval,
          autoNotify,
          pushBeforeDurable,
          compactionInterval,
          compactionBatchSize,
          listLimit);
    }
  }
}
