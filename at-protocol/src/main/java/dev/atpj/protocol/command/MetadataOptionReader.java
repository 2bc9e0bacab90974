package dev.atpj.protocol.command;

import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects metadata options ({@code <name>:<value>} pairs) in the order they are read. */
final class MetadataOptionReader {
  private final List<MetadataOption> options = new ArrayList<>();

  /**
   * Reads one option if the next token names one and at least {@code keep} tokens follow its value
   * (so the key after the options is never swallowed). A date's value spans three tokens ({@link
   * MetadataField#valueTokens()}), unless it is {@code null}.
   *
   * @return whether an option was read
   */
  boolean tryRead(Cursor c, int keep) {
    Optional<MetadataField> field = MetadataField.fromWireName(c.peek());
    if (field.isEmpty()) {
      return false;
    }
    String[] ahead = c.rest().split(":", 3);
    int tokens =
        ahead.length > 1 && MetadataField.CLEAR.equals(ahead[1]) ? 1 : field.get().valueTokens();
    if (!c.hasMoreAfterNext(tokens + keep)) {
      return false;
    }
    c.next();
    StringBuilder value = new StringBuilder(c.next());
    for (int i = 1; i < tokens; i++) {
      value.append(':').append(c.next());
    }
    options.add(new MetadataOption(field.get(), value.toString()));
    return true;
  }

  MetadataOptions result() {
    return new MetadataOptions(options);
  }
}
