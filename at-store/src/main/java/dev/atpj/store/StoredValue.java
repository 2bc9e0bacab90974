package dev.atpj.store;

import dev.atpj.protocol.key.Metadata;
import java.util.Objects;

/**
 * A value as stored under a key: the value text (nullable, e.g. for metadata-only entries) and its
 * metadata. Instants in the metadata are stored with millisecond precision.
 *
 * @param value the value, or {@code null}
 * @param metadata the metadata, never {@code null} ({@link Metadata#EMPTY} when nothing is set)
 */
public record StoredValue(String value, Metadata metadata) {

  /** Validates the metadata is present. */
  public StoredValue {
    Objects.requireNonNull(metadata, "metadata");
  }

  /** A value with empty metadata. */
  public static StoredValue of(String value) {
    return new StoredValue(value, Metadata.EMPTY);
  }
}
