package dev.atpj.protocol.key;

import java.util.Objects;

/**
 * One metadata option as given on the wire, e.g. {@code ttl:60000}.
 *
 * @param field which metadata field
 * @param value the raw value as sent, or {@link MetadataField#CLEAR} ({@code null}) to clear the
 *     field; validated for the field
 */
public record MetadataOption(MetadataField field, String value) {
  /**
   * Validates.
   *
   * @throws dev.atpj.protocol.AtException when the value is not valid for the field
   */
  public MetadataOption {
    Objects.requireNonNull(field, "field");
    field.validate(value);
  }

  /** Whether this option clears its field (the literal value {@code null}). */
  public boolean clears() {
    return MetadataField.CLEAR.equals(value);
  }

  /** The typed value: Long, Boolean or String; null when the option clears the field. */
  public Object typedValue() {
    return field.typedValue(value);
  }

  /** The wire form {@code <name>:<value>}, without a leading colon. */
  @Override
  public String toString() {
    return field.wireName() + ":" + value;
  }
}
