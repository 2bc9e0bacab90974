package dev.atpj.client.notify;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import java.util.Objects;

/**
 * A notification received on a monitor connection (docs/protocol.md B11, C9), with its value
 * decrypted when it was encrypted for the receiver.
 *
 * @param id the notification id ({@code "-1"} for a stats notification)
 * @param from the sender
 * @param to the receiver
 * @param key the notification key, e.g. {@code @bob:phone@alice}, or {@code @bob:<text>} for a text
 *     message
 * @param operation update or delete
 * @param text whether this is a text message (messageType text) rather than a key notification
 * @param epochMillis when the receiver's atServer stored it, milliseconds since the epoch
 * @param value the plaintext value (decrypted when it was encrypted), or null: for deletes, text
 *     messages, shared-key notifications (the key itself is never handed out) and values that could
 *     not be decrypted
 * @param encrypted whether the value arrived encrypted
 * @param metadata the notification's metadata ({@link Metadata#EMPTY} when none)
 * @param problem why the value could not be decrypted, or null
 */
public record AtNotification(
    String id,
    AtSign from,
    AtSign to,
    String key,
    Operation operation,
    boolean text,
    long epochMillis,
    String value,
    boolean encrypted,
    Metadata metadata,
    String problem) {

  /** The id of stats notifications. */
  public static final String STATS_ID = "-1";

  /** What happened to the key. */
  public enum Operation {
    /** The key was created or changed. */
    UPDATE,
    /** The key was deleted. */
    DELETE
  }

  /** Validates. */
  public AtNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operation, "operation");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** Whether this is a stats notification (the atServer's latest commit id as value). */
  public boolean isStats() {
    return STATS_ID.equals(id);
  }

  /** Whether this carries a new shared key ({@code @bob:shared_key@alice}). */
  public boolean isSharedKey() {
    return !text && key.contains(":shared_key@");
  }

  /** For a text message, the text (the key after {@code @<to>:}); otherwise null. */
  public String message() {
    if (!text) {
      return null;
    }
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }
}
