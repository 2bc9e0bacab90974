package dev.atpj.server.stats;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One access-log record: who did what. Never a value, secret, digest or signature.
 *
 * @param time when
 * @param verb {@code cram}, {@code pkam}, {@code pol}, {@code lookup} or {@code plookup}
 * @param atSign who: the owner for logins, the peer for {@code pol}, the asker for lookups ({@code
 *     ""} when unauthenticated)
 * @param key the key looked up, or {@code ""}
 */
public record AccessEntry(Instant time, String verb, String atSign, String key) {
  /** Validates. */
  public AccessEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(verb, "verb");
    atSign = atSign == null ? "" : atSign;
    key = key == null ? "" : key;
  }

  /** The record bytes: verb, atSign and key separated by newlines (none of them holds one). */
  byte[] encode() {
    return (verb + "\n" + atSign + "\n" + key).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads record bytes.
   *
   * @param time the record's time
   * @param data its bytes
   * @return the entry, or null when the bytes are not an access entry
   */
  static AccessEntry decode(Instant time, byte[] data) {
    String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", -1);
    return parts.length == 3 ? new AccessEntry(time, parts[0], parts[1], parts[2]) : null;
  }
}
