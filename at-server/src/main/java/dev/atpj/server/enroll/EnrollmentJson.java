package dev.atpj.server.enroll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of enrollments (docs/protocol.md B15): the stored record (the reference's {@code
 * EnrollDataStoreValue}: {@code approval.state} holds the status) and the summary that {@code
 * enroll:list} and {@code enroll:fetch} answer.
 */
final class EnrollmentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnrollmentJson() {}

  /** The stored record. */
  static String stored(Enrollment e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("sessionId", e.sessionId());
    node.put("appName", e.appName());
    node.put("deviceName", e.deviceName());
    node.set("namespaces", namespaces(e.namespaces()));
    node.put("apkamPublicKey", e.apkamPublicKey());
    node.put("requestType", "newEnrollment");
    node.putObject("approval").put("state", e.status().wireName());
    if (e.encryptedApkamSymmetricKey() != null) {
      node.put("encryptedAPKAMSymmetricKey", e.encryptedApkamSymmetricKey());
    }
    return node.toString();
  }

  /** Reads a stored record; a damaged one is a data-store error. */
  static Enrollment parse(String id, String text) {
    try {
      JsonNode node = JSON.readTree(text);
      Map<String, String> namespaces = new LinkedHashMap<>();
      node.path("namespaces")
          .fields()
          .forEachRemaining(f -> namespaces.put(f.getKey(), f.getValue().asText()));
      EnrollmentStatus status =
          EnrollmentStatus.fromWireName(node.path("approval").path("state").asText())
              .orElseThrow(() -> damaged(id));
      return new Enrollment(
          id,
          text(node, "sessionId"),
          node.path("appName").asText(),
          node.path("deviceName").asText(),
          namespaces,
          node.path("apkamPublicKey").asText(),
          text(node, "encryptedAPKAMSymmetricKey"),
          status);
    } catch (JsonProcessingException e) {
      throw damaged(id);
    }
  }

  /** The summary {@code enroll:list} and {@code enroll:fetch} answer. */
  static ObjectNode summary(Enrollment e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("appName", e.appName());
    node.put("deviceName", e.deviceName());
    node.set("namespace", namespaces(e.namespaces()));
    if (e.encryptedApkamSymmetricKey() != null) {
      node.put("encryptedAPKAMSymmetricKey", e.encryptedApkamSymmetricKey());
    }
    node.put("status", e.status().wireName());
    return node;
  }

  /** A new empty JSON object. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private static ObjectNode namespaces(Map<String, String> namespaces) {
    ObjectNode node = JSON.createObjectNode();
    namespaces.forEach(node::put);
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static AtException damaged(String id) {
    return new AtException(
        AtErrorCode.DATA_STORE, "the record of enrollment " + id + " is damaged");
  }
}
