package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.MetadataOptions;

/**
 * {@code notify[<options>][<metadata options>]:public|@<to>:<key>[:<value>]}: send a notification
 * (B11). Options left out stay null; the defaults (update, key, low, all, notifier {@code SYSTEM},
 * 15 minutes) are the server's business.
 *
 * <p>For a key notification {@link #key()} is the full notification key:
 * {@code @<to>:<entity>[@<from>]} (a self key when {@code <to>} is the owner) or {@code
 * public:<entity>[@<from>]}; its owner may be absent. For a text message {@link #text()} holds the
 * text (everything after {@code @<to>:}) and key and value are null.
 *
 * @param id the notification id chosen by the sender, or null
 * @param operation update or delete, or null
 * @param messageType key or text, or null (key)
 * @param priority the priority, or null
 * @param strategy the strategy, or null
 * @param latestN how many to keep with strategy latest, or null
 * @param notifier the notifier name, or null (required with strategy latest)
 * @param ttln how long the notification lives, milliseconds, or null
 * @param options the metadata options in the order given (possibly empty)
 * @param recipient the atSign notified, or null for {@code public}
 * @param key the notification key (key messages), else null
 * @param text the text (text messages), else null
 * @param value the value after the key, or null
 */
public record Notify(
    String id,
    NotifyOperation operation,
    MessageType messageType,
    NotifyPriority priority,
    NotifyStrategy strategy,
    Integer latestN,
    String notifier,
    Long ttln,
    MetadataOptions options,
    AtSign recipient,
    AtKey key,
    String text,
    String value)
    implements Command {
  /** Validates the combination of parts. */
  public Notify {
    options = options == null ? MetadataOptions.EMPTY : options;
    if (id != null) {
      Checks.id(id, "the notification id");
    }
    if (notifier != null) {
      Checks.word(notifier, "the notifier");
    }
    if (latestN != null) {
      Checks.atLeast(latestN, 0, "latestN");
    }
    if (ttln != null) {
      Checks.atLeast(ttln, 0, "ttln");
    }
    if (strategy == NotifyStrategy.LATEST && notifier == null) {
      throw Checks.syntax("strategy latest needs a notifier");
    }
    if (messageType == MessageType.TEXT) {
      Checks.nonEmpty(text, "the text");
      if (key != null || value != null) {
        throw Checks.syntax("a text notification has no key or value");
      }
    } else {
      checkKey(key, recipient, text, value);
    }
  }

  /** A key notification with nothing but the recipient, key and value (value may be null). */
  public static Notify ofKey(AtSign recipient, AtKey key, String value) {
    return new Notify(
        null, null, null, null, null, null, null, null, null, recipient, key, null, value);
  }

  /** A text message to an atSign. */
  public static Notify ofText(AtSign recipient, String text) {
    return new Notify(
        null,
        null,
        MessageType.TEXT,
        null,
        null,
        null,
        null,
        null,
        null,
        recipient,
        null,
        text,
        null);
  }

  /** Whether the notification goes to {@code public} rather than one atSign. */
  public boolean isPublic() {
    return recipient == null;
  }

  /** Whether this is a text message. */
  public boolean isText() {
    return messageType == MessageType.TEXT;
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY;
  }

  @Override
  public String render() {
    return NotifyRenderer.render(this);
  }

  private static void checkKey(AtKey key, AtSign recipient, String text, String value) {
    if (key == null || text != null) {
      throw Checks.syntax("a key notification needs a key and no text");
    }
    if (value != null && value.isEmpty()) {
      throw Checks.syntax("the value is empty");
    }
    boolean fits =
        !key.cached()
            && (recipient == null
                ? key.visibility() == KeyVisibility.PUBLIC
                : (key.visibility() == KeyVisibility.SHARED && recipient.equals(key.sharedWith()))
                    || (key.visibility() == KeyVisibility.SELF && recipient.equals(key.owner())));
    if (!fits) {
      throw Checks.syntax("the key must be public:<key> or @<recipient>:<key>");
    }
  }
}
