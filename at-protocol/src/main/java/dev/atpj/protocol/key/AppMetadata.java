package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code appMetadata} option (docs/protocol.md B7): on the wire base64 of a UTF-8 JSON object,
 * in {@link Metadata} and in metadata JSON the object itself (reference at_commons {@code
 * Metadata.decodeAppMetadata}).
 */
final class AppMetadata {
  private AppMetadata() {}

  /**
   * Decodes the wire form.
   *
   * @param option the option name, for error messages
   * @param base64 base64 (standard or URL-safe alphabet) of a JSON object
   * @return the object as compact JSON text
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} when the text is not base64 of a JSON
   *     object
   */
  static String decode(String option, String base64) {
    byte[] bytes;
    try {
      bytes =
          base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(base64)
              : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX, option + " must be base64 of a JSON object");
    }
    String json = new String(bytes, StandardCharsets.UTF_8);
    try {
      return Json.parseObject(json, option).toString();
    } catch (AtException e) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX, option + " must be base64 of a JSON object");
    }
  }

  /**
   * The wire form of a JSON object text.
   *
   * @param json compact JSON text of an object
   * @return base64 (standard alphabet) of its UTF-8 bytes
   */
  static String encode(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
