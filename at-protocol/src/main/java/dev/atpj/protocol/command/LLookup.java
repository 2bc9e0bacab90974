package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import java.util.Objects;

/**
 * {@code llookup[:meta|:all]:<key>}: read an own key exactly as stored, including {@code cached:}
 * keys (B8).
 *
 * @param shape value, metadata or both
 * @param key the literal stored key
 */
public record LLookup(LookupShape shape, AtKey key) implements Command {
  /** Validates; a null shape means {@link LookupShape#VALUE}. */
  public LLookup {
    shape = shape == null ? LookupShape.VALUE : shape;
    Objects.requireNonNull(key, "key");
  }

  @Override
  public Verb verb() {
    return Verb.LLOOKUP;
  }

  @Override
  public String render() {
    return "llookup" + shape.fragment() + ":" + key;
  }
}
