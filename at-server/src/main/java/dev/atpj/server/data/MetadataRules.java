package dev.atpj.server.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
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
    Metadata base = current == null ? Metadata.EMPTY : current;
    Metadata changed = clientChanges.apply(base);
    Long ttl = changed.ttl();
    Long ttb = changed.ttb();
    Long ttr = changed.ttr();
    long birth = ttb == null ? 0 : ttb;
    return changed.toBuilder()
        .createdAt(current != null && current.createdAt() != null ? current.createdAt() : now)
        .createdBy(
            current != null && current.createdBy() != null ? current.createdBy() : by.toString())
        .updatedAt(now)
        .updatedBy(by.toString())
        .status(ACTIVE)
        .version(current == null || current.version() == null ? 0 : current.version() + 1)
        .availableAt(ttb == null ? null : plus(now, birth, "ttb"))
        .expiresAt(ttl == null || ttl == 0 ? null : plus(plus(now, birth, "ttb"), ttl, "ttl"))
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
