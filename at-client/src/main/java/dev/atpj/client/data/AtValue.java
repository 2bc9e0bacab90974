package dev.atpj.client.data;

import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import java.util.Objects;

/**
 * A value read with {@link dev.atpj.client.AtClient#get}: the plaintext (decrypted when it was
 * encrypted), its metadata as the atServer returned it, and what its signature says.
 *
 * @param key the key read, canonical
 * @param value the plaintext
 * @param metadata the metadata ({@link Metadata#EMPTY} when the server sent none)
 * @param signature whether the value's {@code dataSignature} verifies
 */
public record AtValue(AtKey key, String value, Metadata metadata, SignatureStatus signature) {
  /** Validates. */
  public AtValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    Objects.requireNonNull(signature, "signature");
  }
}
