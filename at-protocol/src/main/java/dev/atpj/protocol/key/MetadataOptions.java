package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata options of an {@code update}, {@code update:meta} or {@code notify} line, in the
 * order they were given, so that a command renders back exactly (docs/protocol.md B7, B11). Clients
 * send them in different orders, so any order is accepted; each field at most once.
 *
 * @param options the options in wire order; an immutable copy is kept
 */
public record MetadataOptions(List<MetadataOption> options) {
  /** No options. */
  public static final MetadataOptions EMPTY = new MetadataOptions(List.of());

  /**
   * Validates.
   *
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} when a field is given twice
   */
  public MetadataOptions {
    options = List.copyOf(options);
    Set<MetadataField> seen = EnumSet.noneOf(MetadataField.class);
    for (MetadataOption option : options) {
      if (!seen.add(option.field())) {
        throw new AtException(
            AtErrorCode.INVALID_SYNTAX,
            "metadata option " + option.field().wireName() + " is given more than once");
      }
    }
  }

  /**
   * These options plus one more at the end.
   *
   * @param field the field
   * @param value its raw value, or {@code "null"} to clear it
   * @return the extended options
   * @throws AtException when the value is invalid or the field is already present
   */
  public MetadataOptions with(MetadataField field, String value) {
    List<MetadataOption> extended = new ArrayList<>(options);
    extended.add(new MetadataOption(field, value));
    return new MetadataOptions(extended);
  }

  /** Whether no option is given. */
  public boolean isEmpty() {
    return options.isEmpty();
  }

  /** Whether the field is given (with a value or {@code null}). */
  public boolean contains(MetadataField field) {
    return get(field).isPresent();
  }

  /** The option for a field, if given. */
  public Optional<MetadataOption> get(MetadataField field) {
    for (MetadataOption option : options) {
      if (option.field() == field) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  /**
   * Applies the options to existing metadata: given fields replace, {@code null} clears, the rest
   * is kept (docs/protocol.md B7).
   *
   * @param existing the current metadata; null is treated as {@link Metadata#EMPTY}
   * @return the new metadata
   */
  public Metadata applyTo(Metadata existing) {
    Metadata.Builder b = (existing == null ? Metadata.EMPTY : existing).toBuilder();
    for (MetadataOption option : options) {
      set(b, option.field(), option.typedValue());
    }
    return b.build();
  }

  /** The options as metadata on their own, i.e. {@code applyTo(Metadata.EMPTY)}. */
  public Metadata toMetadata() {
    return applyTo(Metadata.EMPTY);
  }

  /** The wire fragment, each option with a leading colon, e.g. {@code :ttl:1000:ccd:true}. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (MetadataOption option : options) {
      out.append(':').append(option);
    }
    return out.toString();
  }

  private static void set(Metadata.Builder b, MetadataField field, Object v) {
    switch (field) {
      case TTL -> b.ttl((Long) v);
      case TTB -> b.ttb((Long) v);
      case TTR -> b.ttr((Long) v);
      case CCD -> b.ccd((Boolean) v);
      case DATA_SIGNATURE -> b.dataSignature((String) v);
      case SHARED_KEY_STATUS -> b.sharedKeyStatus((String) v);
      case IS_BINARY -> b.isBinary((Boolean) v);
      case IS_ENCRYPTED -> b.isEncrypted((Boolean) v);
      case SHARED_KEY_ENC -> b.sharedKeyEnc((String) v);
      case PUB_KEY_CS -> b.pubKeyCS((String) v);
      case PUB_KEY_HASH -> b.pubKeyHash((String) v);
      case HASHING_ALGO -> b.hashingAlgo((String) v);
      case IMMUTABLE -> b.immutable((Boolean) v);
      case CREATED_AT -> b.createdAt((Instant) v);
      case UPDATED_AT -> b.updatedAt((Instant) v);
      case EXPIRES_AT -> b.expiresAt((Instant) v);
      case AVAILABLE_AT -> b.availableAt((Instant) v);
      case APP_METADATA -> b.appMetadata((String) v);
      case ENCODING -> b.encoding((String) v);
      case ENC_KEY_NAME -> b.encKeyName((String) v);
      case ENC_ALGO -> b.encAlgo((String) v);
      case IV_NONCE -> b.ivNonce((String) v);
      case SKE_ENC_KEY_NAME -> b.skeEncKeyName((String) v);
      case SKE_ENC_ALGO -> b.skeEncAlgo((String) v);
    }
  }
}
