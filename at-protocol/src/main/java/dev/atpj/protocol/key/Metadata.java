package dev.atpj.protocol.key;

import java.time.Instant;

/**
 * Everything known about a stored value besides the value itself (docs/protocol.md B7, B8, C8).
 *
 * <p>The first nineteen components and {@code appMetadata} are set by clients through {@code
 * update} options; the rest are maintained by the atServer (a writer may assert {@code createdAt},
 * {@code updatedAt}, {@code availableAt} and {@code expiresAt} with the {@code cAt}, {@code uAt},
 * {@code aAt} and {@code eAt} options). Every component is nullable: {@code null} means "not set",
 * and unset fields are omitted from JSON. Durations ({@code ttl}, {@code ttb}, {@code ttr}) are
 * milliseconds; {@code ttr} of -1 means "cache for ever". Instances are immutable; change them by
 * copying with {@link #toBuilder()}.
 *
 * @param ttl time to live: the key disappears this long after it was created or last updated
 * @param ttb time to birth: the key is invisible until this long after it was created
 * @param ttr time to refresh: how long a recipient may cache the value (-1: for ever)
 * @param ccd cascade delete: recipients delete their cached copy when the original is deleted
 * @param dataSignature base64 signature of the value by its writer
 * @param sharedKeyStatus status of a shared key exchange, as the client reports it
 * @param isBinary whether the value is base64 of binary data
 * @param isEncrypted whether the value is ciphertext
 * @param sharedKeyEnc the shared symmetric key, encrypted for the recipient (Dart SDK)
 * @param pubKeyCS checksum of the recipient's public key used for {@code sharedKeyEnc}
 * @param encoding the value's encoding, e.g. {@code base64}
 * @param encKeyName name of the key the value is encrypted with
 * @param encAlgo algorithm the value is encrypted with
 * @param ivNonce base64 initialisation vector of the value's encryption
 * @param skeEncKeyName name of the key the shared key is encrypted with
 * @param skeEncAlgo algorithm the shared key is encrypted with
 * @param pubKeyHash hash of the recipient's public key used for {@code sharedKeyEnc} (at_java)
 * @param hashingAlgo the algorithm of {@code pubKeyHash}, e.g. {@code sha512}
 * @param immutable whether the writer marks the value as never to be changed
 * @param createdBy the atSign that created the key
 * @param updatedBy the atSign that last updated the key
 * @param createdAt when the key was created
 * @param updatedAt when the key was last updated
 * @param availableAt when the key becomes visible (createdAt + ttb)
 * @param expiresAt when the key disappears (updatedAt + ttl)
 * @param refreshAt when a cached copy should be refreshed
 * @param status free-form status
 * @param version how many times the key was written, starting at 0
 * @param appMetadata application metadata, a JSON object as compact text (set by the {@code
 *     appMetadata} option, which carries it base64-encoded)
 */
public record Metadata(
    Long ttl,
    Long ttb,
    Long ttr,
    Boolean ccd,
    String dataSignature,
    String sharedKeyStatus,
    Boolean isBinary,
    Boolean isEncrypted,
    String sharedKeyEnc,
    String pubKeyCS,
    String encoding,
    String encKeyName,
    String encAlgo,
    String ivNonce,
    String skeEncKeyName,
    String skeEncAlgo,
    String pubKeyHash,
    String hashingAlgo,
    Boolean immutable,
    String createdBy,
    String updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant availableAt,
    Instant expiresAt,
    Instant refreshAt,
    String status,
    Integer version,
    String appMetadata) {

  /** Metadata with nothing set. */
  public static final Metadata EMPTY = builder().build();

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this metadata's fields, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether the value is visible at {@code now}: born (after {@code availableAt}) and not expired
   * (before {@code expiresAt}).
   *
   * @param now the current time
   * @return true when the key is active
   */
  public boolean isActiveAt(Instant now) {
    return (availableAt == null || !now.isBefore(availableAt))
        && (expiresAt == null || now.isBefore(expiresAt));
  }

  /**
   * Whether the value has expired at {@code now}.
   *
   * @param now the current time
   * @return true when {@code expiresAt} has passed
   */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Mutable builder for {@link Metadata}; every setter accepts {@code null} to unset a field. */
  public static final class Builder {
    private Long ttl;
    private Long ttb;
    private Long ttr;
    private Boolean ccd;
    private String dataSignature;
    private String sharedKeyStatus;
    private Boolean isBinary;
    private Boolean isEncrypted;
    private String sharedKeyEnc;
    private String pubKeyCS;
    private String encoding;
    private String encKeyName;
    private String encAlgo;
    private String ivNonce;
    private String skeEncKeyName;
    private String skeEncAlgo;
    private String pubKeyHash;
    private String hashingAlgo;
    private Boolean immutable;
    private String createdBy;
    private String updatedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant availableAt;
    private Instant expiresAt;
    private Instant refreshAt;
    private String status;
    private Integer version;
    private String appMetadata;

    private Builder() {}

    private Builder(Metadata m) {
      ttl = m.ttl;
      ttb = m.ttb;
      ttr = m.ttr;
      ccd = m.ccd;
      dataSignature = m.dataSignature;
      sharedKeyStatus = m.sharedKeyStatus;
      isBinary = m.isBinary;
      isEncrypted = m.isEncrypted;
      sharedKeyEnc = m.sharedKeyEnc;
      pubKeyCS = m.pubKeyCS;
      encoding = m.encoding;
      encKeyName = m.encKeyName;
      encAlgo = m.encAlgo;
      ivNonce = m.ivNonce;
      skeEncKeyName = m.skeEncKeyName;
      skeEncAlgo = m.skeEncAlgo;
      pubKeyHash = m.pubKeyHash;
      hashingAlgo = m.hashingAlgo;
      immutable = m.immutable;
      appMetadata = m.appMetadata;
      createdBy = m.createdBy;
      updatedBy = m.updatedBy;
      createdAt = m.createdAt;
      updatedAt = m.updatedAt;
      availableAt = m.availableAt;
      expiresAt = m.expiresAt;
      refreshAt = m.refreshAt;
      status = m.status;
      version = m.version;
    }

    /** Sets {@link Metadata#ttl()}. */
    public Builder ttl(Long v) {
      ttl = v;
      return this;
    }

    /** Sets {@link Metadata#ttb()}. */
    public Builder ttb(Long v) {
      ttb = v;
      return this;
    }

    /** Sets {@link Metadata#ttr()}. */
    public Builder ttr(Long v) {
      ttr = v;
      return this;
    }

    /** Sets {@link Metadata#ccd()}. */
    public Builder ccd(Boolean v) {
      ccd = v;
      return this;
    }

    /** Sets {@link Metadata#dataSignature()}. */
    public Builder dataSignature(String v) {
      dataSignature = v;
      return this;
    }

    /** Sets {@link Metadata#sharedKeyStatus()}. */
    public Builder sharedKeyStatus(String v) {
      sharedKeyStatus = v;
      return this;
    }

    /** Sets {@link Metadata#isBinary()}. */
    public Builder isBinary(Boolean v) {
      isBinary = v;
      return this;
    }

    /** Sets {@link Metadata#isEncrypted()}. */
    public Builder isEncrypted(Boolean v) {
      isEncrypted = v;
      return this;
    }

    /** Sets {@link Metadata#sharedKeyEnc()}. */
    public Builder sharedKeyEnc(String v) {
      sharedKeyEnc = v;
      return this;
    }

    /** Sets {@link Metadata#pubKeyCS()}. */
    public Builder pubKeyCS(String v) {
      pubKeyCS = v;
      return this;
    }

    /** Sets {@link Metadata#encoding()}. */
    public Builder encoding(String v) {
      encoding = v;
      return this;
    }

    /** Sets {@link Metadata#encKeyName()}. */
    public Builder encKeyName(String v) {
      encKeyName = v;
      return this;
    }

    /** Sets {@link Metadata#encAlgo()}. */
    public Builder encAlgo(String v) {
      encAlgo = v;
      return this;
    }

    /** Sets {@link Metadata#ivNonce()}. */
    public Builder ivNonce(String v) {
      ivNonce = v;
      return this;
    }

    /** Sets {@link Metadata#skeEncKeyName()}. */
    public Builder skeEncKeyName(String v) {
      skeEncKeyName = v;
      return this;
    }

    /** Sets {@link Metadata#skeEncAlgo()}. */
    public Builder skeEncAlgo(String v) {
      skeEncAlgo = v;
      return this;
    }

    /** Sets {@link Metadata#pubKeyHash()}. */
    public Builder pubKeyHash(String v) {
      pubKeyHash = v;
      return this;
    }

    /** Sets {@link Metadata#hashingAlgo()}. */
    public Builder hashingAlgo(String v) {
      hashingAlgo = v;
      return this;
    }

    /** Sets {@link Metadata#immutable()}. */
    public Builder immutable(Boolean v) {
      immutable = v;
      return this;
    }

    /** Sets {@link Metadata#createdBy()}. */
    public Builder createdBy(String v) {
      createdBy = v;
      return this;
    }

    /** Sets {@link Metadata#updatedBy()}. */
    public Builder updatedBy(String v) {
      updatedBy = v;
      return this;
    }

    /** Sets {@link Metadata#createdAt()}. */
    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    /** Sets {@link Metadata#updatedAt()}. */
    public Builder updatedAt(Instant v) {
      updatedAt = v;
      return this;
    }

    /** Sets {@link Metadata#availableAt()}. */
    public Builder availableAt(Instant v) {
      availableAt = v;
      return this;
    }

    /** Sets {@link Metadata#expiresAt()}. */
    public Builder expiresAt(Instant v) {
      expiresAt = v;
      return this;
    }

    /** Sets {@link Metadata#refreshAt()}. */
    public Builder refreshAt(Instant v) {
      refreshAt = v;
      return this;
    }

    /** Sets {@link Metadata#status()}. */
    public Builder status(String v) {
      status = v;
      return this;
    }

    /** Sets {@link Metadata#version()}. */
    public Builder version(Integer v) {
      version = v;
      return this;
    }

    /** Sets {@link Metadata#appMetadata()}: a JSON object as compact text. */
    public Builder appMetadata(String v) {
      appMetadata = v;
      return this;
    }

    /** The metadata built so far. */
    public Metadata build() {
      return new Metadata(
          ttl,
          ttb,
          ttr,
          ccd,
          dataSignature,
          sharedKeyStatus,
          isBinary,
          isEncrypted,
          sharedKeyEnc,
          pubKeyCS,
          encoding,
          encKeyName,
          encAlgo,
          ivNonce,
          skeEncKeyName,
          skeEncAlgo,
          pubKeyHash,
          hashingAlgo,
          immutable,
          createdBy,
          updatedBy,
          createdAt,
          updatedAt,
          availableAt,
          expiresAt,
          refreshAt,
          status,
          version,
          appMetadata);
    }
  }
}
