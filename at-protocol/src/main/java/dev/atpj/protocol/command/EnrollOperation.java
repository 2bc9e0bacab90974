package dev.atpj.protocol.command;

import java.util.Locale;
import java.util.Optional;

/** What an {@code enroll:} command does (docs/protocol.md B15). */
public enum EnrollOperation {
  /** Ask for a new enrollment. */
  REQUEST,
  /** Approve a pending enrollment. */
  APPROVE,
  /** Deny a pending enrollment. */
  DENY,
  /** Revoke an approved enrollment. */
  REVOKE,
  /** Give a revoked enrollment back its access. */
  UNREVOKE,
  /** Remove a denied or revoked enrollment. */
  DELETE,
  /** List enrollments. */
  LIST,
  /** Read one enrollment. */
  FETCH;

  /** The operation as written on the wire, e.g. {@code request}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The operation a word names, ignoring case.
   *
   * @param word e.g. {@code approve}
   * @return the operation, or empty when the word names none
   */
  public static Optional<EnrollOperation> fromWireName(String word) {
    for (EnrollOperation op : values()) {
      if (op.wireName().equalsIgnoreCase(word)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
