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
   * (so the key after the options is never swallowed).
   *
   * @return whether an option was read
   */
  boolean tryRead(Cursor c, int keep) {
    Optional<MetadataField> field = MetadataField.fromWireName(c.peek());
    if (field.isEmpty() || !c.hasMoreAfterNext(1 + keep)) {
      return false;
    }
    c.next();
    options.add(new MetadataOption(field.get(), c.next()));
    return true;
  }

  MetadataOptions result() {
    return new MetadataOptions(options);
  }
}
