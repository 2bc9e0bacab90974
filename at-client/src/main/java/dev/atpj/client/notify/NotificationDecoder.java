package dev.atpj.client.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.client.data.DataCodec;
import dev.atpj.client.data.SharedKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns the JSON of a {@code notification:} line into an {@link AtNotification} (PROTOCOL.md B11,
 * C9), decrypting what was encrypted for the receiver: a shared-key notification ({@code
 * @bob:shared_key@alice}) is RSA-decrypted and its key remembered (its value is not handed out); an
 * encrypted value from another atSign is AES-decrypted with the key it shares with the receiver
 * ({@code sharedKeyEnc} or the shared-key record), with {@code ivNonce} when present. Lenient about
 * types: {@code id} may be a string or a number, {@code epochMillis} a number or a string.
 */
public final class NotificationDecoder {
  private final AtSign me;
  private final DataCodec codec;
  private final SharedKeys sharedKeys;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Creates a decoder.
   *
   * @param me the receiver
   * @param codec decrypts shared values
   * @param sharedKeys remembers shared keys that arrive
   */
  public NotificationDecoder(AtSign me, DataCodec codec, SharedKeys sharedKeys) {
    this.me = me;
    this.codec = codec;
    this.sharedKeys = sharedKeys;
  }

  /**
   * Decodes one notification.
   *
   * @param text the JSON after {@code notification:}
   * @return the notification
   * @throws AtException {@link AtErrorCode#CLIENT_EXCEPTION} when the JSON is not a notification
   */
  public AtNotification decode(String text) {
    JsonNode n;
    try {
      n = json.readTree(text);
    } catch (IOException e) {
      throw bad("not JSON");
    }
    if (n == null || !n.isObject()) {
      throw bad("not a JSON object");
    }
    String id = text(n, "id");
    String key = text(n, "key");
    if (id == null || key == null) {
      throw bad("no id or key");
    }
    AtSign from = atSign(text(n, "from"));
    AtSign to = atSign(text(n, "to"));
    AtNotification.Operation operation =
        "delete".equalsIgnoreCase(text(n, "operation"))
            ? AtNotification.Operation.DELETE
            : AtNotification.Operation.UPDATE;
    String messageType = text(n, "messageType");
    boolean isText = messageType != null && messageType.toLowerCase(Locale.ROOT).endsWith("text");
    long epochMillis = epochMillis(n.get("epochMillis"));
    Metadata metadata = metadata(n.get("metadata"));
    String raw = text(n, "value");
    boolean encrypted = flag(n.get("isEncrypted")) || Boolean.TRUE.equals(metadata.isEncrypted());
    String value = raw;
    String problem = null;
    if (id.equals(AtNotification.STATS_ID) || raw == null || isText) {
      encrypted = encrypted && raw != null && !id.equals(AtNotification.STATS_ID);
    } else {
      AtKey parsed = parseKey(key);
      AtSign sender = from != null ? from : parsed == null ? null : parsed.owner();
      boolean sharedKey = parsed != null && SharedKeys.isSharedKeyFor(parsed, me);
      boolean fromOther = sender != null && !sender.equals(me);
      try {
        if (sharedKey && fromOther) {
          sharedKeys.acceptIncoming(sender, raw);
          value = null;
          encrypted = true;
        } else if (encrypted && fromOther) {
          value = codec.decryptFrom(sender, raw, metadata);
        }
      } catch (AtException e) {
        value = null;
        problem = "cannot decrypt: " + e.getMessage();
      }
    }
    return new AtNotification(
        id, from, to, key, operation, isText, epochMillis, value, encrypted, metadata, problem);
  }

  private static Metadata metadata(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Metadata.EMPTY;
    }
    try {
      return MetadataJson.parse(node.toString());
    } catch (AtException e) {
      return Metadata.EMPTY;
    }
  }

  private static AtKey parseKey(String key) {
    try {
      return AtKey.parse(key);
    } catch (AtException e) {
      return null;
    }
  }

  private static AtSign atSign(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return AtSign.parse(text);
    } catch (AtException e) {
      return null;
    }
  }

  private static long epochMillis(JsonNode node) {
    if (node == null || node.isNull()) {
      return 0;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    try {
      return Long.parseLong(node.asText().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean flag(JsonNode node) {
    return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static AtException bad(String why) {
    return new AtException(AtErrorCode.CLIENT_EXCEPTION, "invalid notification: " + why);
  }
}
