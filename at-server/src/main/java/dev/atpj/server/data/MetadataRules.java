package dev.atpj.server.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The metadata the atServer maintains on every write (docs/protocol.md B7; reference {@code
 * AtMetadataBuilder}):
 *
 * <ul>
 *   <li>{@code createdAt}/{@code createdBy}: set on the first write, kept afterwards;
 *   <li>{@code updatedAt}/{@code updatedBy}: the time and atSign of this write;
 *   <li>{@code version}: 0 on the first write, +1 on each later one; {@code status}: {@code
 *       active};
 *   <li>{@code availableAt} = now + ttb (when ttb is set);
 *   <li>{@code expiresAt} = now + ttb + ttl (when ttl &gt; 0; ttl 0 means "never expires");
 *   <li>{@code refreshAt} = now + ttr (when ttr &gt; 0; ttr -1 means "cache for ever", no refresh).
 * </ul>
 *
 * <p>Client fields not given again are kept from the current metadata; options with the value
 * {@code null} clear their field. The reference computes {@code refreshAt} with ttr in seconds; we
 * use milliseconds, as ttr is specified.
 */
public final class MetadataRules {
  /** The {@code status} of every written key, as the reference sets it. */
  public static final String ACTIVE = "active";

  /** The latest time a computed date may reach (the JSON date format has four-digit years). */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private MetadataRules() {}

  /**
   * The metadata of a write.
   *
   * @param current the key's current metadata, or null when the key does not exist (an expired key
   *     counts as not existing)
   * @param clientChanges applies the client's options to metadata (given fields replace, {@code
   *     null} clears, the rest is kept)
   * @param by the atSign writing
   * @param now the time of the write, millisecond precision
   * @return the metadata to store
   * @throws AtException AT0022 when ttl, ttb or ttr put a date beyond the year 9999
   */
  public static Metadata forWrite(
      Metadata current, UnaryOperator<Metadata> clientChanges, AtSign by, Instant now) {
    return forWrite(current, clientChanges, by, now, Metadata.EMPTY);
  }

  /**
   * The metadata of a write given as metadata options: as {@link #forWrite(Metadata, UnaryOperator,
   * AtSign, Instant)}, except that the times the writer asserts with {@code cAt}, {@code uAt},
   * {@code aAt} and {@code eAt} are stored as given (reference: asserted timestamps are stored
   * faithfully). An asserted {@code aAt} without {@code ttb} sets ttb to the time from now to it,
   * an asserted {@code eAt} without {@code ttl} sets ttl to the time from the key's birth to it (at
   * least 1 ms), so later writes keep a comparable lifetime.
   *
   * @param current the key's current metadata, or null when the key does not exist
   * @param options the client's options
   * @param by the atSign writing
   * @param now the time of the write, millisecond precision
   * @return the metadata to store
   */
  public static Metadata forWrite(
      Metadata current, MetadataOptions options, AtSign by, Instant now) {
    Metadata asserted = asserted(options);
    UnaryOperator<Metadata> changes =
        m -> {
          Metadata.Builder b = options.applyTo(m).toBuilder();
          Instant birth = asserted.availableAt() != null ? asserted.availableAt() : now;
          if (asserted.availableAt() != null && !options.contains(MetadataField.TTB)) {
            b.ttb(Math.max(0, asserted.availableAt().toEpochMilli() - now.toEpochMilli()));
          }
          if (asserted.expiresAt() != null && !options.contains(MetadataField.TTL)) {
            b.ttl(Math.max(1, asserted.expiresAt().toEpochMilli() - birth.toEpochMilli()));
          }
          return b.build();
        };
    return forWrite(current, changes, by, now, asserted);
  }

  private static Metadata asserted(MetadataOptions options) {
    Metadata.Builder b = Metadata.builder();
    for (MetadataOption option : options.options()) {
      Object v = option.typedValue();
      switch (option.field()) {
        case CREATED_AT -> b.createdAt((Instant) v);
        case UPDATED_AT -> b.updatedAt((Instant) v);
        case AVAILABLE_AT -> b.availableAt((Instant) v);
        case EXPIRES_AT -> b.expiresAt((Instant) v);
        default -> {}
      }
    }
    return b.build();
  }

  private static Metadata forWrite(
      Metadata current,
      UnaryOperator<Metadata> clientChanges,
      AtSign by,
      Instant now,
      Metadata asserted) {
    Metadata base = current == null ? Metadata.EMPTY : current;
    Metadata changed = clientChanges.apply(base);
    Long ttl = changed.ttl();
    Long ttb = changed.ttb();
    Long ttr = changed.ttr();
    long birth = ttb == null ? 0 : ttb;
    Instant createdAt =
        asserted.createdAt() != null
            ? asserted.createdAt()
            : current != null && current.createdAt() != null ? current.createdAt() : now;
    Instant availableAt =
        asserted.availableAt() != null
            ? asserted.availableAt()
            : ttb == null ? null : plus(now, birth, "ttb");
    Instant expiresAt =
        asserted.expiresAt() != null
            ? asserted.expiresAt()
            : ttl == null || ttl == 0 ? null : plus(plus(now, birth, "ttb"), ttl, "ttl");
    return changed.toBuilder()
        .createdAt(createdAt)
        .createdBy(
            current != null && current.createdBy() != null ? current.createdBy() : by.toString())
        .updatedAt(asserted.updatedAt() != null ? asserted.updatedAt() : now)
        .updatedBy(by.toString())
        .status(ACTIVE)
        .version(current == null || current.version() == null ? 0 : current.version() + 1)
        .availableAt(availableAt)
        .expiresAt(expiresAt)
        .refreshAt(ttr == null || ttr <= 0 ? null : plus(now, ttr, "ttr"))
        .build();
  }

  /**
   * Metadata with the client fields of {@code given} that are set replacing those of {@code base}
   * ({@code update:json}, where a field cannot be cleared).
   *
   * @param base the current metadata
   * @param given the metadata sent
   * @return the combined metadata
   */
  public static Metadata overlay(Metadata base, Metadata given) {
    Metadata.Builder b = base.toBuilder();
    if (given.ttl() != null) {
      b.ttl(given.ttl());
    }
    if (given.ttb() != null) {
      b.ttb(given.ttb());
    }
    if (given.ttr() != null) {
      b.ttr(given.ttr());
    }
    if (given.ccd() != null) {
      b.ccd(given.ccd());
    }
    if (given.isBinary() != null) {
      b.isBinary(given.isBinary());
    }
    if (given.isEncrypted() != null) {
      b.isEncrypted(given.isEncrypted());
    }
    if (given.immutable() != null) {
      b.immutable(given.immutable());
    }
    if (given.appMetadata() != null) {
      b.appMetadata(given.appMetadata());
    }
    overlayText(b, given);
    return b.build();
  }

  /** Whether the metadata sets any client field. */
  public static boolean hasClientFields(Metadata m) {
    return !overlay(Metadata.EMPTY, m).equals(Metadata.EMPTY);
  }

  private static void overlayText(Metadata.Builder b, Metadata given) {
    if (given.dataSignature() != null) {
      b.dataSignature(given.dataSignature());
    }
    if (given.sharedKeyStatus() != null) {
      b.sharedKeyStatus(given.sharedKeyStatus());
    }
    if (given.sharedKeyEnc() != null) {
      b.sharedKeyEnc(given.sharedKeyEnc());
    }
    if (given.pubKeyCS() != null) {
      b.pubKeyCS(given.pubKeyCS());
    }
    if (given.pubKeyHash() != null) {
      b.pubKeyHash(given.pubKeyHash());
    }
    if (given.hashingAlgo() != null) {
      b.hashingAlgo(given.hashingAlgo());
    }
    if (given.encoding() != null) {
      b.encoding(given.encoding());
    }
    if (given.encKeyName() != null) {
      b.encKeyName(given.encKeyName());
    }
    if (given.encAlgo() != null) {
      b.encAlgo(given.encAlgo());
    }
    if (given.ivNonce() != null) {
      b.ivNonce(given.ivNonce());
    }
    if (given.skeEncKeyName() != null) {
      b.skeEncKeyName(given.skeEncKeyName());
    }
    if (given.skeEncAlgo() != null) {
      b.skeEncAlgo(given.skeEncAlgo());
    }
  }

  private static Instant plus(Instant start, long millis, String field) {
    long limit = LATEST.toEpochMilli() - start.toEpochMilli();
    if (millis > limit || millis < -start.toEpochMilli()) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, field + " is too large");
    }
    return start.plusMillis(millis);
  }
}
