package dev.atpj.server.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.StoredValue;
import dev.atpj.store.memory.InMemoryAtStore;
import dev.atpj.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentStoreTest {
  private static final AtSign ME = AtSign.parse("@alice");

  private final MutableClock clock = MutableClock.startingNow();
  private final InMemoryAtStore store = new InMemoryAtStore(clock);
  private final EnrollmentStore enrollments = new EnrollmentStore(store, clock, ME);

  @AfterEach
  void close() {
    store.close();
  }

  private static Enrollment enrollment(String id, EnrollmentStatus status) {
    return new Enrollment(
        id, "_s", "wavi", "pixel", Map.of("wavi", "rw"), "MIIBkey", "sym", status);
  }

  @Test
  void aRecordRoundTripsUnderTheReferenceKeyAndIsNotCommitted() {
    Enrollment e = enrollment("e-1", EnrollmentStatus.APPROVED);
    enrollments.save(e, new DefaultKeys("{\"value\":\"p\"}", "{\"value\":\"s\"}"), true).join();
    assertThat(enrollments.find("e-1")).contains(e);
    assertThat(
            store.get("e-1.new.enrollments.__manage@alice").map(StoredValue::value).orElseThrow())
        .contains("\"approval\":{\"state\":\"approved\"}");
    assertThat(enrollments.defaultKey("e-1.default_enc_private_key.__manage@alice"))
        .contains("{\"value\":\"p\"}");
    assertThat(enrollments.defaultKey("e-1.default_self_enc_key.__manage@alice"))
        .contains("{\"value\":\"s\"}");
    assertThat(store.get(ReservedKeys.PKAM_PUBLIC_KEY.toString()).map(StoredValue::value))
        .contains("MIIBkey");
    assertThat(store.lastCommitId()).isEqualTo(-1);
  }

  @Test
  void aPendingRecordExpires() {
    enrollments
        .savePending(enrollment("e-2", EnrollmentStatus.PENDING), Duration.ofHours(48))
        .join();
    assertThat(enrollments.list()).extracting(Enrollment::id).containsExactly("e-2");
    clock.advance(Duration.ofHours(48));
    assertThat(enrollments.find("e-2")).isEmpty();
    assertThat(enrollments.list()).isEmpty();
  }

  @Test
  void approvingClearsTheExpiryAndDeleteRemovesEverything() {
    Enrollment pending = enrollment("e-3", EnrollmentStatus.PENDING);
    enrollments.savePending(pending, Duration.ofHours(1)).join();
    enrollments.save(pending.withStatus(EnrollmentStatus.APPROVED), null, false).join();
    clock.advance(Duration.ofHours(2));
    assertThat(enrollments.find("e-3")).map(Enrollment::status).contains(EnrollmentStatus.APPROVED);
    assertThat(store.get(ReservedKeys.PKAM_PUBLIC_KEY.toString())).isEmpty();
    enrollments.delete("e-3").join();
    assertThat(enrollments.find("e-3")).isEmpty();
  }

  @Test
  void idsThatCannotBeKeysAreNeverFound() {
    assertThat(enrollments.find("a@b")).isEmpty();
    assertThat(enrollments.find("a:b")).isEmpty();
    assertThat(enrollments.find("")).isEmpty();
    assertThat(enrollments.find(null)).isEmpty();
  }
}
