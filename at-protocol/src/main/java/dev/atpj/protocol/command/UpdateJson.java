package dev.atpj.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;

/**
 * {@code update:json:<json>}: the JSON form of {@code update} (B7). It is a separate record from
 * {@link Update} so that it renders back exactly; {@link #content()} gives the key, value and
 * metadata it carries. The JSON holds {@code atKey}, {@code value}, optional {@code sharedWith},
 * {@code sharedBy} and a {@code metadata} object (whose {@code isPublic} makes the key public).
 *
 * @param json the JSON object as sent
 */
public record UpdateJson(String json) implements Command {
  /**
   * Validates that the JSON describes an update.
   *
   * @throws AtException AT0003 for bad JSON or a missing key or value, AT0016 for a bad key
   */
  public UpdateJson {
    content(json);
  }

  /** What is being stored. */
  public Content content() {
    return content(json);
  }

  /**
   * The parts of a JSON update.
   *
   * @param key the key
   * @param value the value
   * @param metadata the metadata given (never null)
   */
  public record Content(AtKey key, String value, Metadata metadata) {}

  @Override
  public Verb verb() {
    return Verb.UPDATE;
  }

  @Override
  public String render() {
    return "update:json:" + json;
  }

  private static Content content(String json) {
    JsonNode n = Json.parseObject(json, "update json");
    String name = text(n, "atKey");
    String value = text(n, "value");
    if (name == null || value == null) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, "update json needs atKey and value");
    }
    JsonNode meta = n.get("metadata");
    Metadata metadata =
        meta != null && meta.isObject() ? MetadataJson.parse(meta.toString()) : Metadata.EMPTY;
    boolean isPublic = meta != null && meta.path("isPublic").asBoolean(false);
    String sharedWith = text(n, "sharedWith");
    String sharedBy = text(n, "sharedBy");
    StringBuilder keyText = new StringBuilder();
    if (isPublic) {
      keyText.append("public:");
    } else if (sharedWith != null) {
      keyText.append('@').append(strip(sharedWith)).append(':');
    }
    keyText.append(name);
    if (sharedBy != null) {
      keyText.append('@').append(strip(sharedBy));
    }
    AtKey key = AtKey.parse(keyText.toString(), AtErrorCode.INVALID_SYNTAX);
    return new Content(key, value, metadata);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.isValueNode() ? v.asText() : v.toString();
    return s.isEmpty() ? null : s;
  }

  private static String strip(String atSign) {
    return atSign.startsWith("@") ? atSign.substring(1) : atSign;
  }
}
