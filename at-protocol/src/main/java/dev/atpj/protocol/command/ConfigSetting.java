package dev.atpj.protocol.command;

import java.util.Locale;

/**
 * {@code config:set:<name>=<value>}, {@code config:reset:<name>}, {@code config:print:<name>}:
 * server settings, honoured only in testing mode (B13).
 *
 * @param operation set, reset or print
 * @param name the setting name
 * @param value the new value for set (may be empty), null otherwise
 */
public record ConfigSetting(Operation operation, String name, String value) implements Command {
  /** What to do with the setting. */
  public enum Operation {
    /** Change it. */
    SET,
    /** Restore the default. */
    RESET,
    /** Show it. */
    PRINT;

    /** The wire name, e.g. {@code set}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates. */
  public ConfigSetting {
    if (operation == null) {
      throw Checks.syntax("the config operation is required");
    }
    Checks.nonEmpty(name, "the setting name");
    if (name.indexOf('=') >= 0) {
      throw Checks.syntax("the setting name may not contain '='");
    }
    if ((operation == Operation.SET) != (value != null)) {
      throw Checks.syntax("only config:set takes a value, and it needs one");
    }
  }

  @Override
  public Verb verb() {
    return Verb.CONFIG;
  }

  @Override
  public String render() {
    return "config:" + operation.wireName() + ":" + name + (value == null ? "" : "=" + value);
  }
}
