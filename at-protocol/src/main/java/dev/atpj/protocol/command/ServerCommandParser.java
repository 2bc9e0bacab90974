package dev.atpj.protocol.command;

import dev.atpj.protocol.AtSign;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code info}, {@code noop}, {@code config} (B13) and {@code @exit} (B1). */
final class ServerCommandParser {
  private ServerCommandParser() {}

  /** {@code args} is the line after {@code info}. */
  static Command info(String args) {
    if (args.isEmpty()) {
      return new Info(false);
    }
    if (args.equalsIgnoreCase(":brief")) {
      return new Info(true);
    }
    throw Checks.syntax(Verb.INFO);
  }

  /** {@code args} is the line after {@code noop}. */
  static Command noop(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.NOOP);
    }
    return new Noop(Checks.number(args.substring(1), "the delay", false));
  }

  /** {@code args} is the line after {@code @exit}. */
  static Command exit(String args) {
    if (!args.isEmpty()) {
      throw Checks.syntax(Verb.EXIT);
    }
    return new Exit();
  }

  /** {@code args} is the line after {@code config}. */
  static Command config(String args) {
    if (!args.startsWith(":")) {
      throw Checks.syntax(Verb.CONFIG);
    }
    Cursor c = new Cursor(args, 1);
    if (c.accept("block")) {
      return block(c);
    }
    for (ConfigSetting.Operation op : ConfigSetting.Operation.values()) {
      if (c.hasMoreAfterNext(1) && c.accept(op.wireName())) {
        String rest = c.takeRest();
        if (op != ConfigSetting.Operation.SET) {
          return new ConfigSetting(op, rest, null);
        }
        int eq = rest.indexOf('=');
        if (eq < 0) {
          throw Checks.syntax(Verb.CONFIG);
        }
        return new ConfigSetting(op, rest.substring(0, eq), rest.substring(eq + 1));
      }
    }
    throw Checks.syntax(Verb.CONFIG);
  }

  private static Command block(Cursor c) {
    String op = c.next();
    if ("show".equalsIgnoreCase(op) && !c.hasNext()) {
      return new ConfigBlock(ConfigBlock.Operation.SHOW, List.of());
    }
    ConfigBlock.Operation operation;
    if ("add".equalsIgnoreCase(op)) {
      operation = ConfigBlock.Operation.ADD;
    } else if ("remove".equalsIgnoreCase(op)) {
      operation = ConfigBlock.Operation.REMOVE;
    } else {
      throw Checks.syntax(Verb.CONFIG);
    }
    String list = c.takeRest();
    if (list == null || list.isBlank()) {
      throw Checks.syntax(Verb.CONFIG);
    }
    List<AtSign> atSigns = new ArrayList<>();
    for (String name : list.split(" ", -1)) {
      if (!name.isEmpty()) {
        atSigns.add(AtSign.parse(name));
      }
    }
    return new ConfigBlock(operation, atSigns);
  }
}
