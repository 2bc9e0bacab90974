package dev.atpj.client.data;

/**
 * What the {@code dataSignature} of a value says (docs/protocol.md C7: public and self values are
 * signed with the owner's encryption private key over the plaintext, SHA256withRSA).
 */
public enum SignatureStatus {
  /** The signature verifies with the owner's encryption public key. */
  VALID,
  /** There is a signature and it does not verify: the value may have been tampered with. */
  INVALID,
  /** The value carries no signature (shared values never do). */
  ABSENT,
  /** There is a signature, but the owner's public key could not be fetched to check it. */
  UNCHECKED
}
