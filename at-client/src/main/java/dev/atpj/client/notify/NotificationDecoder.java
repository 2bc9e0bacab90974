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
 * Turns the JSON of a {@code notification:} line into an {@link AtNotification} (docs/protocol.md B11,
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
   * Decodes and decrypts one notification: {@link #decrypt}({@link #parse}(text)).
   *
   * @param text the JSON after {@code notification:}
   * @return the notification
   * @throws AtException {@link AtErrorCode#CLIENT_EXCEPTION} when the JSON is not a notification
   */
  public AtNotification decode(String text) {
    return decrypt(parse(text));
  }

  /**
   * Reads one notification without decrypting it: its value is as received.
   *
   * @param text the JSON after {@code notification:}
   * @return the notification
   * @throws AtException {@link AtErrorCode#CLIENT_EXCEPTION} when the JSON is not a notification
   */
  public AtNotification parse(String text) {
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
    AtNotification.Operation operation =
        "delete".equalsIgnoreCase(text(n, "operation"))
            ? AtNotification.Operation.DELETE
            : AtNotification.Operation.UPDATE;
    String messageType = text(n, "messageType");
    boolean isText = messageType != null && messageType.toLowerCase(Locale.ROOT).endsWith("text");
    Metadata metadata = metadata(n.get("metadata"));
    String raw = text(n, "value");
    boolean encrypted =
        raw != null
            && !id.equals(AtNotification.STATS_ID)
            && !isText
            && (flag(n.get("isEncrypted")) || Boolean.TRUE.equals(metadata.isEncrypted()));
    return new AtNotification(
        id,
        atSign(text(n, "from")),
        atSign(text(n, "to")),
        key,
        operation,
        isText,
        epochMillis(n.get("epochMillis")),
        raw,
        encrypted,
        metadata,
        null);
  }

  /**
   * Decrypts what was encrypted for the receiver: a shared key is taken (and not handed out), a
   * shared value is decrypted. A value that cannot be decrypted is left out and the reason given in
   * {@link AtNotification#problem()}.
   *
   * @param n a notification from {@link #parse}
   * @return the notification with its plaintext value
   */
  public AtNotification decrypt(AtNotification n) {
    if (n.isStats() || n.text() || n.value() == null) {
      return n;
    }
    AtKey parsed = parseKey(n.key());
    AtSign sender = n.from() != null ? n.from() : parsed == null ? null : parsed.owner();
    if (sender == null || sender.equals(me)) {
      return n;
    }
    boolean sharedKey = parsed != null && SharedKeys.isSharedKeyFor(parsed, me);
    try {
      if (sharedKey) {
        sharedKeys.acceptIncoming(sender, n.value());
        return with(n, null, true, null);
      }
      if (n.encrypted()) {
        return with(n, codec.decryptFrom(sender, n.value(), n.metadata()), true, null);
      }
      return n;
    } catch (AtException e) {
      return with(n, null, true, "cannot decrypt: " + e.getMessage());
    }
  }

  private static AtNotification with(
      AtNotification n, String value, boolean encrypted, String problem) {
    return new AtNotification(
        n.id(),
        n.from(),
        n.to(),
        n.key(),
        n.operation(),
        n.text(),
        n.epochMillis(),
        value,
        encrypted,
        n.metadata(),
        problem);
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
