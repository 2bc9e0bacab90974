package dev.atpj.server.enroll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.List;

/**
 * {@code enroll:list} and {@code enroll:fetch} (docs/protocol.md B15): a JSON object from each
 * enrollment's record key to its summary ({@code appName}, {@code deviceName}, {@code namespace},
 * {@code encryptedAPKAMSymmetricKey} when pending, {@code status}), or one summary.
 */
final class EnrollQueries {
  private EnrollQueries() {}

  /**
   * The enrollments with a status in the filter (all when it is empty).
   *
   * @param only the single enrollment the connection may see, or null for all
   */
  static String list(EnrollmentStore enrollments, EnrollParams params, Enrollment only) {
    List<Enrollment> all = only == null ? enrollments.list() : List.of(only);
    ObjectNode result = EnrollmentJson.object();
    for (Enrollment e : all) {
      if (params.statusFilter().isEmpty() || params.statusFilter().contains(e.status())) {
        result.set(enrollments.recordKey(e.id()), EnrollmentJson.summary(e));
      }
    }
    return result.toString();
  }

  /**
   * One enrollment's summary.
   *
   * @param only the single enrollment the connection may see, or null for all
   * @throws AtException AT0028 when it does not exist, has expired, or may not be seen
   */
  static String fetch(EnrollmentStore enrollments, EnrollParams params, Enrollment only) {
    String id = params.requireEnrollmentId();
    Enrollment e =
        enrollments
            .find(id)
            .filter(found -> only == null || only.id().equals(found.id()))
            .orElseThrow(
                () ->
                    new AtException(
                        AtErrorCode.ENROLLMENT_EXPIRED,
                        "enrollment_id: " + id + " is expired or invalid"));
    return EnrollmentJson.summary(e).toString();
  }
}
