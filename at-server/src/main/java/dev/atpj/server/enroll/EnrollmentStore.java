package dev.atpj.server.enroll;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.AtStore;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Enrollments in the atSign's own key store, under the reference's names (docs/protocol.md B15):
 * the record at {@code <id>.new.enrollments.__manage@<me>}, the encrypted default keys an approved
 * device fetches at {@code <id>.default_enc_private_key.__manage@<me>} and {@code
 * <id>.default_self_enc_key.__manage@<me>} ({@code {"value":…,"iv":…}}). None of them is committed,
 * so they never sync to clients. A pending record carries a ttl: once it passes, the enrollment
 * reads as absent (expired) and the expiry sweeper removes it.
 */
public final class EnrollmentStore {
  private static final String RECORD = ".new.enrollments.__manage";
  private static final String PRIVATE_KEY = ".default_enc_private_key.__manage";
  private static final String SELF_KEY = ".default_self_enc_key.__manage";

  private final AtStore store;
  private final Clock clock;
  private final AtSign me;

  /**
   * An enrollment store.
   *
   * @param store the atSign's storage
   * @param clock the clock expiry is judged by
   * @param me the atSign
   */
  public EnrollmentStore(AtStore store, Clock clock, AtSign me) {
    this.store = store;
    this.clock = clock;
    this.me = me;
  }

  /** The key of an enrollment's record, e.g. {@code 1f….new.enrollments.__manage@alice}. */
  public String recordKey(String id) {
    return id + RECORD + me;
  }

  /** The key of the encrypted default encryption private key an enrollment fetches. */
  public String privateKeyName(String id) {
    return id + PRIVATE_KEY + me;
  }

  /** The key of the encrypted default self encryption key an enrollment fetches. */
  public String selfKeyName(String id) {
    return id + SELF_KEY + me;
  }

  /**
   * An enrollment, unless it does not exist or expired.
   *
   * @param id the enrollment id as a client sent it
   * @return the enrollment, or empty
   */
  public Optional<Enrollment> find(String id) {
    if (id == null || !id.matches("[\\w-]{1,64}")) {
      return Optional.empty();
    }
    return active(recordKey(id)).map(v -> EnrollmentJson.parse(id, v.value()));
  }

  /** Every enrollment that has not expired, in key order. */
  public List<Enrollment> list() {
    String suffix = RECORD + me;
    Instant now = clock.instant();
    List<Enrollment> all = new ArrayList<>();
    store.forEachKey(
        "",
        entry -> {
          String key = entry.key();
          if (key.endsWith(suffix) && !entry.value().metadata().isExpiredAt(now)) {
            String id = key.substring(0, key.length() - suffix.length());
            all.add(EnrollmentJson.parse(id, entry.value().value()));
          }
          return true;
        });
    return all;
  }

  /**
   * Stores a new pending request that expires after {@code ttl}.
   *
   * @param enrollment the request
   * @param ttl how long it may wait for an approver
   * @return completes when durable
   */
  public CompletableFuture<Void> savePending(Enrollment enrollment, Duration ttl) {
    Instant now = clock.instant();
    Metadata metadata =
        Metadata.builder()
            .createdAt(now)
            .updatedAt(now)
            .ttl(ttl.toMillis())
            .expiresAt(now.plus(ttl))
            .build();
    return store
        .put(recordKey(enrollment.id()), record(enrollment, metadata), null)
        .thenApply(id -> null);
  }

  /**
   * Stores an enrollment's new status, without expiry, together with the encrypted default keys
   * when given and, for the first enrollment of an atSign, its APKAM key as the legacy PKAM key
   * (which keeps bare {@code pkam:} clients working).
   *
   * @param enrollment the enrollment in its new status
   * @param keys the encrypted default keys, or null to leave them as they are
   * @param asLegacyPkamKey whether to store its APKAM key at {@code privatekey:at_pkam_publickey}
   * @return completes when durable
   */
  public CompletableFuture<Void> save(
      Enrollment enrollment, DefaultKeys keys, boolean asLegacyPkamKey) {
    Instant now = clock.instant();
    Metadata metadata = Metadata.builder().createdAt(now).updatedAt(now).build();
    List<Mutation> changes = new ArrayList<>();
    changes.add(new Mutation.Put(recordKey(enrollment.id()), record(enrollment, metadata), null));
    if (keys != null) {
      changes.add(put(privateKeyName(enrollment.id()), keys.privateKeyJson(), metadata));
      changes.add(put(selfKeyName(enrollment.id()), keys.selfKeyJson(), metadata));
    }
    if (asLegacyPkamKey) {
      changes.add(
          put(ReservedKeys.PKAM_PUBLIC_KEY.toString(), enrollment.apkamPublicKey(), metadata));
    }
    return store.apply(changes).thenApply(ids -> null);
  }

  /**
   * Removes an enrollment and its keys.
   *
   * @param id the enrollment id
   * @return completes when durable
   */
  public CompletableFuture<Void> delete(String id) {
    return store
        .apply(
            List.of(
                new Mutation.Delete(recordKey(id), false),
                new Mutation.Delete(privateKeyName(id), false),
                new Mutation.Delete(selfKeyName(id), false)))
        .thenApply(ids -> null);
  }

  /**
   * The stored JSON of one of an enrollment's encrypted default keys.
   *
   * @param keyName the key's full name
   * @return the JSON, or empty when absent
   */
  public Optional<String> defaultKey(String keyName) {
    return active(keyName).map(StoredValue::value);
  }

  private Optional<StoredValue> active(String key) {
    Instant now = clock.instant();
    return store.get(key).filter(v -> !v.metadata().isExpiredAt(now) && v.value() != null);
  }

  private static StoredValue record(Enrollment enrollment, Metadata metadata) {
    return new StoredValue(EnrollmentJson.stored(enrollment), metadata);
  }

  private static Mutation put(String key, String value, Metadata metadata) {
    return new Mutation.Put(key, new StoredValue(value, metadata), null);
  }
}
