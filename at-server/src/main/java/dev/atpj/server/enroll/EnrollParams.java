package dev.atpj.server.enroll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON parameters of an {@code enroll:} command (docs/protocol.md B15; field names of
 * at_commons {@code EnrollParams} and at_java's enroll builder). Absent fields are null; unknown
 * ones are ignored.
 *
 * @param enrollmentId the enrollment acted on
 * @param appName the app asking
 * @param deviceName the device asking
 * @param namespaces access asked for, per namespace
 * @param apkamPublicKey the new device's APKAM public key
 * @param otp the one-time password of a request from a new device
 * @param encryptedApkamSymmetricKey the new device's symmetric key, for the approver
 * @param encryptedPrivateKey the default encryption private key, encrypted for the device
 * @param privateKeyIv the IV of that encryption, or null
 * @param encryptedSelfKey the default self encryption key, encrypted for the device
 * @param selfKeyIv the IV of that encryption, or null
 * @param statusFilter the statuses {@code enroll:list} keeps (empty: all but expired)
 */
record EnrollParams(
    String enrollmentId,
    String appName,
    String deviceName,
    Map<String, String> namespaces,
    String apkamPublicKey,
    String otp,
    String encryptedApkamSymmetricKey,
    String encryptedPrivateKey,
    String privateKeyIv,
    String encryptedSelfKey,
    String selfKeyIv,
    List<EnrollmentStatus> statusFilter) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** No parameters ({@code enroll:list}). */
  static final EnrollParams NONE =
      new EnrollParams(
          null, null, null, Map.of(), null, null, null, null, null, null, null, List.of());

  /**
   * Reads the parameters.
   *
   * @param json the JSON object, or null
   * @return the parameters
   * @throws AtException AT0003 when the text is not a JSON object, AT0022 for a bad status
   */
  static EnrollParams parse(String json) {
    if (json == null) {
      return NONE;
    }
    JsonNode node = object(json);
    Map<String, String> namespaces = new LinkedHashMap<>();
    node.path("namespaces")
        .fields()
        .forEachRemaining(f -> namespaces.put(f.getKey(), f.getValue().asText()));
    List<EnrollmentStatus> filter = new ArrayList<>();
    for (JsonNode status : node.path("enrollmentStatusFilter")) {
      filter.add(
          EnrollmentStatus.fromWireName(status.asText())
              .orElseThrow(
                  () ->
                      new AtException(
                          AtErrorCode.ILLEGAL_ARGUMENTS,
                          "unknown enrollment status " + status.asText())));
    }
    return new EnrollParams(
        text(node, "enrollmentId"),
        text(node, "appName"),
        text(node, "deviceName"),
        namespaces,
        text(node, "apkamPublicKey"),
        text(node, "otp"),
        text(node, "encryptedAPKAMSymmetricKey"),
        text(node, "encryptedDefaultEncryptionPrivateKey"),
        text(node, "encPrivateKeyIV"),
        text(node, "encryptedDefaultSelfEncryptionKey"),
        text(node, "selfEncKeyIV"),
        List.copyOf(filter));
  }

  /**
   * The enrollment id, which the operation needs.
   *
   * @return the id
   * @throws AtException AT0022 when absent
   */
  String requireEnrollmentId() {
    if (enrollmentId == null || enrollmentId.isBlank()) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "enrollmentId is required");
    }
    return enrollmentId;
  }

  private static JsonNode object(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw new AtException(
        AtErrorCode.INVALID_SYNTAX, "the enroll parameters are not a JSON object");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
