package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code config:block:add|remove:<atSign>[ <atSign>...]} and {@code config:block:show}: manage the
 * block list (B13).
 *
 * @param operation add, remove or show
 * @param atSigns the atSigns to add or remove (space-separated on the wire); empty for show
 */
public record ConfigBlock(Operation operation, List<AtSign> atSigns) implements Command {
  /** What to do with the block list. */
  public enum Operation {
    /** Block atSigns. */
    ADD,
    /** Unblock atSigns. */
    REMOVE,
    /** List blocked atSigns. */
    SHOW;

    /** The wire name, e.g. {@code add}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates. */
  public ConfigBlock {
    if (operation == null) {
      throw Checks.syntax("the block operation is required");
    }
    atSigns = atSigns == null ? List.of() : List.copyOf(atSigns);
    if (operation == Operation.SHOW ? !atSigns.isEmpty() : atSigns.isEmpty()) {
      throw Checks.syntax(
          operation == Operation.SHOW
              ? "config:block:show takes no atSigns"
              : "config:block:" + operation.wireName() + " needs at least one atSign");
    }
  }

  @Override
  public Verb verb() {
    return Verb.CONFIG;
  }

  @Override
  public String render() {
    if (operation == Operation.SHOW) {
      return "config:block:show";
    }
    return "config:block:"
        + operation.wireName()
        + ":"
        + atSigns.stream().map(AtSign::toString).collect(Collectors.joining(" "));
  }
}
