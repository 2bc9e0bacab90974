package dev.atpj.protocol.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;

/**
 * A value with its metadata, in the JSON shape of {@code llookup:all}, {@code lookup:all} and
 * {@code plookup:all}: {@code {"key":"…","data":"…","metaData":{…}}} (docs/protocol.md B8, C8).
 * Null parts are omitted when rendering.
 *
 * @param key the key name, set for remote or cached answers; may be null
 * @param data the value; may be null
 * @param metadata the metadata; may be null
 */
public record AtData(String key, String data, Metadata metadata) {

  /** The JSON text, e.g. {@code {"key":"cached:public:x@bob","data":"v","metaData":{}}}. */
  public String render() {
    return Json.render(
        g -> {
          g.writeStartObject();
          if (key != null) {
            g.writeStringField("key", key);
          }
          if (data != null) {
            g.writeStringField("data", data);
          }
          if (metadata != null) {
            g.writeFieldName("metaData");
            MetadataJson.write(g, metadata);
          }
          g.writeEndObject();
        });
  }

  /**
   * Parses the JSON text; unknown fields are ignored, and {@code metadata} is accepted for {@code
   * metaData}.
   *
   * @param json the JSON text
   * @return the parsed data
   * @throws AtException {@link dev.atpj.protocol.AtErrorCode#INVALID_SYNTAX} when it is not such an
   *     object
   */
  public static AtData parse(String json) {
    JsonNode n = Json.parseObject(json, "lookup data");
    JsonNode meta = n.get("metaData");
    if (meta == null || meta.isNull()) {
      meta = n.get("metadata");
    }
    Metadata metadata = null;
    if (meta != null && !meta.isNull()) {
      if (!meta.isObject()) {
        throw JsonValues.bad("metaData", "an object");
      }
      metadata = MetadataJson.fromNode(meta);
    }
    return new AtData(JsonValues.toText(n.get("key")), JsonValues.toText(n.get("data")), metadata);
  }
}
