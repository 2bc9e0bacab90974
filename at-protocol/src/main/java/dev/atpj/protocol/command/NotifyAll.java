package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code notify:all:[<op>:][messageType:<t>:][<option>:<value>:...]<atSigns>:<key>[:<value>]}: send
 * one notification to several atSigns, given comma-separated (B11).
 *
 * @param operation update or delete, or null
 * @param messageType key or text, or null
 * @param options the metadata options in the order given (possibly empty)
 * @param recipients the atSigns to notify, at least one
 * @param key the key, {@code <entity>[@<from>]}
 * @param value the value, or null
 */
public record NotifyAll(
    NotifyOperation operation,
    MessageType messageType,
    MetadataOptions options,
    List<AtSign> recipients,
    AtKey key,
    String value)
    implements Command {
  /** Validates. */
  public NotifyAll {
    options = options == null ? MetadataOptions.EMPTY : options;
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw Checks.syntax("notify:all needs at least one atSign");
    }
    Objects.requireNonNull(key, "key");
    if (key.cached() || key.visibility() != KeyVisibility.SELF) {
      throw Checks.syntax("notify:all takes a plain <key>[@<atSign>]");
    }
    if (value != null) {
      Checks.nonEmpty(value, "the value");
    }
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY_ALL;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("notify:all:");
    if (operation != null) {
      out.append(operation.wireName()).append(':');
    }
    if (messageType != null) {
      out.append("messageType:").append(messageType.wireName()).append(':');
    }
    if (!options.isEmpty()) {
      out.append(options.render().substring(1)).append(':');
    }
    out.append(recipients.stream().map(AtSign::toString).collect(Collectors.joining(",")));
    out.append(':').append(key);
    if (value != null) {
      out.append(':').append(value);
    }
    return out.toString();
  }
}
