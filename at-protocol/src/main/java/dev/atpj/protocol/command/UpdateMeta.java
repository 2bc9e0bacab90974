package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.Objects;

/**
 * {@code update:meta:<key><metadata options>}: change only the metadata of a key (B7). Here the
 * options come after the key.
 *
 * @param key the key
 * @param options the metadata options in the order given (possibly empty)
 */
public record UpdateMeta(AtKey key, MetadataOptions options) implements Command {
  /** Validates; null options mean none. */
  public UpdateMeta {
    Objects.requireNonNull(key, "key");
    options = options == null ? MetadataOptions.EMPTY : options;
  }

  @Override
  public Verb verb() {
    return Verb.UPDATE_META;
  }

  @Override
  public String render() {
    return "update:meta:" + key + options.render();
  }
}
