package dev.atpj.server.enroll;

import java.util.Locale;
import java.util.Optional;

/** Where an enrollment is in its life (docs/protocol.md B15). */
public enum EnrollmentStatus {
  /** Asked for, waiting for an approver. */
  PENDING,
  /** May authenticate with its APKAM key. */
  APPROVED,
  /** Refused by an approver. */
  DENIED,
  /** Was approved, then revoked. */
  REVOKED,
  /** A pending request nobody answered in time (never stored: the record is gone). */
  EXPIRED;

  /** The status as written on the wire and in the stored record, e.g. {@code approved}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status a word names.
   *
   * @param word e.g. {@code pending}
   * @return the status, or empty
   */
  public static Optional<EnrollmentStatus> fromWireName(String word) {
    for (EnrollmentStatus status : values()) {
      if (status.wireName().equalsIgnoreCase(word)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
