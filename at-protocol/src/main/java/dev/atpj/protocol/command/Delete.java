package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import java.util.Objects;

/**
 * {@code delete[:priority:low|medium|high]:<key>}: delete a key (B9), including {@code
 * delete:privatekey:at_secret} and {@code cached:} keys. The key may lack its owner.
 *
 * @param priority {@code low}, {@code medium} or {@code high}, or null when not given
 * @param key the key
 */
public record Delete(String priority, AtKey key) implements Command {
  /** Validates. */
  public Delete {
    if (priority != null && NotifyPriority.fromWireName(priority).isEmpty()) {
      throw Checks.syntax("priority must be low, medium or high");
    }
    Objects.requireNonNull(key, "key");
  }

  @Override
  public Verb verb() {
    return Verb.DELETE;
  }

  @Override
  public String render() {
    return "delete" + (priority == null ? "" : ":priority:" + priority) + ":" + key;
  }
}
