package dev.atpj.server.enroll;

/**
 * The atSign's default encryption private key and self encryption key, encrypted with an
 * enrollment's APKAM symmetric key, as an approver (or a first, CRAM-authenticated enrollment)
 * hands them over and {@code keys:get} serves them (docs/protocol.md B15).
 *
 * @param privateKeyJson {@code {"value":<encrypted private key>[,"iv":<iv>]}}
 * @param selfKeyJson {@code {"value":<encrypted self key>[,"iv":<iv>]}}
 */
public record DefaultKeys(String privateKeyJson, String selfKeyJson) {
  /**
   * The keys of an {@code enroll:request} or {@code enroll:approve}, or null when it carries
   * neither.
   */
  static DefaultKeys of(EnrollParams params) {
    if (params.encryptedPrivateKey() == null && params.encryptedSelfKey() == null) {
      return null;
    }
    return new DefaultKeys(
        json(params.encryptedPrivateKey(), params.privateKeyIv()),
        json(params.encryptedSelfKey(), params.selfKeyIv()));
  }

  private static String json(String value, String iv) {
    var node = EnrollmentJson.object();
    node.put("value", value);
    if (iv != null) {
      node.put("iv", iv);
    }
    return node.toString();
  }
}
