package dev.atpj.server.enroll;

import java.util.Map;
import java.util.Objects;

/**
 * One app on one device of this atSign, as the reference stores it under {@code
 * <id>.new.enrollments.__manage@<me>} (docs/protocol.md B15).
 *
 * @param id the enrollment id (a UUID)
 * @param sessionId the session that asked for it
 * @param appName the app's name
 * @param deviceName the device's name
 * @param namespaces access per namespace: {@code rw} or {@code r}; {@code __manage} governs the
 *     enrollment verbs, {@code *} every namespace
 * @param apkamPublicKey the base64 X.509 public key its {@code pkam} signatures verify with
 * @param encryptedApkamSymmetricKey the requester's symmetric key, encrypted with the atSign's
 *     public encryption key (pending requests from a new device), or null
 * @param status where it is in its life
 */
public record Enrollment(
    String id,
    String sessionId,
    String appName,
    String deviceName,
    Map<String, String> namespaces,
    String apkamPublicKey,
    String encryptedApkamSymmetricKey,
    EnrollmentStatus status) {
  /** The namespace whose access governs enrollment management. */
  public static final String MANAGE = "__manage";

  /** Validates. */
  public Enrollment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(apkamPublicKey, "apkamPublicKey");
    Objects.requireNonNull(status, "status");
    namespaces = Map.copyOf(namespaces);
  }

  /** A copy in another status. */
  public Enrollment withStatus(EnrollmentStatus newStatus) {
    return new Enrollment(
        id,
        sessionId,
        appName,
        deviceName,
        namespaces,
        apkamPublicKey,
        encryptedApkamSymmetricKey,
        newStatus);
  }

  /** Whether it may manage enrollments ({@code __manage} access). */
  public boolean manages() {
    return namespaces.containsKey(MANAGE);
  }
}
