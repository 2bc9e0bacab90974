package dev.atpj.protocol.key;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;
import java.io.IOException;

/**
 * The JSON form of {@link Metadata} used by {@code llookup:meta}, {@code lookup:all} and friends
 * (docs/protocol.md A9, B8, C8).
 *
 * <p>Rendering writes only the reference field names, in a fixed order, and omits unset fields
 * (never {@code "x":null}, which would break at_java). Dates are {@code yyyy-MM-dd HH:mm:ss.SSS'Z'}
 * in UTC; durations and the version are JSON numbers; flags are JSON booleans; {@code ccd} is
 * called {@code ccd} (the reference's {@code toJson} key, which at_java's strict parser expects);
 * {@code pubKeyHash} is the object {@code {"hash":…,"hashingAlgo":…}}; {@code appMetadata} is the
 * application's JSON object itself. Parsing is lenient: unknown fields are ignored, numbers and
 * flags may be JSON strings (as in {@code sync} entries), {@code isCascade} is accepted besides
 * {@code ccd}, {@code pubKeyHash} may be that object as a JSON text (as in {@code sync} entries and
 * notifications), and dates may carry up to nanoseconds, a {@code T} separator or epoch
 * milliseconds.
 */
public final class MetadataJson {
  private MetadataJson() {}

  /**
   * Renders metadata as a JSON object.
   *
   * @param metadata the metadata; null renders as {@code {}}
   * @return compact JSON, e.g. {@code {"createdAt":"2024-03-01 09:05:07.042Z","ttl":3000}}
   */
  public static String render(Metadata metadata) {
    return Json.render(g -> write(g, metadata));
  }

  /**
   * Parses a metadata JSON object.
   *
   * @param json the JSON text
   * @return the metadata
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} when the text is not a metadata object
   */
  public static Metadata parse(String json) {
    return fromNode(Json.parseObject(json, "metadata"));
  }

  static void write(JsonGenerator g, Metadata m) throws IOException {
    g.writeStartObject();
    if (m != null) {
      text(g, "createdBy", m.createdBy());
      text(g, "updatedBy", m.updatedBy());
      text(g, "createdAt", JsonDates.format(m.createdAt()));
      text(g, "updatedAt", JsonDates.format(m.updatedAt()));
      text(g, "expiresAt", JsonDates.format(m.expiresAt()));
      text(g, "availableAt", JsonDates.format(m.availableAt()));
      text(g, "refreshAt", JsonDates.format(m.refreshAt()));
      text(g, "status", m.status());
      if (m.version() != null) {
        g.writeNumberField("version", m.version());
      }
      number(g, "ttl", m.ttl());
      number(g, "ttb", m.ttb());
      number(g, "ttr", m.ttr());
      bool(g, "ccd", m.ccd());
      bool(g, "isBinary", m.isBinary());
      bool(g, "isEncrypted", m.isEncrypted());
      text(g, "dataSignature", m.dataSignature());
      text(g, "sharedKeyStatus", m.sharedKeyStatus());
      text(g, "sharedKeyEnc", m.sharedKeyEnc());
      text(g, "pubKeyCS", m.pubKeyCS());
      if (m.pubKeyHash() != null) {
        g.writeFieldName("pubKeyHash");
        writePubKeyHash(g, m);
      }
      text(g, "encoding", m.encoding());
      text(g, "encKeyName", m.encKeyName());
      text(g, "encAlgo", m.encAlgo());
      text(g, "ivNonce", m.ivNonce());
      text(g, "skeEncKeyName", m.skeEncKeyName());
      text(g, "skeEncAlgo", m.skeEncAlgo());
      bool(g, "immutable", m.immutable());
      if (m.appMetadata() != null) {
        g.writeFieldName("appMetadata");
        g.writeRawValue(m.appMetadata());
      }
    }
    g.writeEndObject();
  }

  /**
   * The {@code pubKeyHash} object of metadata as a JSON text, as {@code sync} entries and
   * notifications carry it.
   *
   * @param metadata metadata with {@link Metadata#pubKeyHash()} set
   * @return e.g. {@code {"hash":"ab12…","hashingAlgo":"sha512"}}
   */
  public static String renderPubKeyHash(Metadata metadata) {
    return Json.render(g -> writePubKeyHash(g, metadata));
  }

  private static void writePubKeyHash(JsonGenerator g, Metadata m) throws IOException {
    g.writeStartObject();
    g.writeStringField("hash", m.pubKeyHash());
    text(g, "hashingAlgo", m.hashingAlgo());
    g.writeEndObject();
  }

  static Metadata fromNode(JsonNode n) {
    JsonNode ccd = present(n.get("ccd")) ? n.get("ccd") : n.get("isCascade");
    JsonNode pubKeyHash = pubKeyHashNode(n.get("pubKeyHash"));
    Long version = JsonValues.toLong(n.get("version"), "version");
    if (version != null && (version > Integer.MAX_VALUE || version < Integer.MIN_VALUE)) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, "metadata version is out of range");
    }
    return Metadata.builder()
        .createdBy(JsonValues.toText(n.get("createdBy")))
        .updatedBy(JsonValues.toText(n.get("updatedBy")))
        .createdAt(JsonDates.parse(n.get("createdAt"), "createdAt"))
        .updatedAt(JsonDates.parse(n.get("updatedAt"), "updatedAt"))
        .expiresAt(JsonDates.parse(n.get("expiresAt"), "expiresAt"))
        .availableAt(JsonDates.parse(n.get("availableAt"), "availableAt"))
        .refreshAt(JsonDates.parse(n.get("refreshAt"), "refreshAt"))
        .status(JsonValues.toText(n.get("status")))
        .version(version == null ? null : version.intValue())
        .ttl(JsonValues.toLong(n.get("ttl"), "ttl"))
        .ttb(JsonValues.toLong(n.get("ttb"), "ttb"))
        .ttr(JsonValues.toLong(n.get("ttr"), "ttr"))
        .ccd(JsonValues.toBoolean(ccd, "ccd"))
        .isBinary(JsonValues.toBoolean(n.get("isBinary"), "isBinary"))
        .isEncrypted(JsonValues.toBoolean(n.get("isEncrypted"), "isEncrypted"))
        .dataSignature(JsonValues.toText(n.get("dataSignature")))
        .sharedKeyStatus(JsonValues.toText(n.get("sharedKeyStatus")))
        .sharedKeyEnc(JsonValues.toText(n.get("sharedKeyEnc")))
        .pubKeyCS(JsonValues.toText(n.get("pubKeyCS")))
        .pubKeyHash(pubKeyHash == null ? null : JsonValues.toText(pubKeyHash.get("hash")))
        .hashingAlgo(pubKeyHash == null ? null : JsonValues.toText(pubKeyHash.get("hashingAlgo")))
        .encoding(JsonValues.toText(n.get("encoding")))
        .encKeyName(JsonValues.toText(n.get("encKeyName")))
        .encAlgo(JsonValues.toText(n.get("encAlgo")))
        .ivNonce(JsonValues.toText(n.get("ivNonce")))
        .skeEncKeyName(JsonValues.toText(n.get("skeEncKeyName")))
        .skeEncAlgo(JsonValues.toText(n.get("skeEncAlgo")))
        .immutable(JsonValues.toBoolean(n.get("immutable"), "immutable"))
        .appMetadata(appMetadata(n.get("appMetadata")))
        .build();
  }

  private static JsonNode pubKeyHashNode(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode object = node.isTextual() ? Json.parseObject(node.asText(), "pubKeyHash") : node;
    if (!object.isObject()) {
      throw JsonValues.bad("pubKeyHash", "an object with hash and hashingAlgo");
    }
    return object;
  }

  /** The {@code appMetadata} object (or that object as a JSON text) as compact JSON text. */
  private static String appMetadata(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode object = node.isTextual() ? Json.parseObject(node.asText(), "appMetadata") : node;
    if (!object.isObject()) {
      throw JsonValues.bad("appMetadata", "a JSON object");
    }
    return object.toString();
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }

  private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
    if (value != null) {
      g.writeBooleanField(name, value);
    }
  }
}
