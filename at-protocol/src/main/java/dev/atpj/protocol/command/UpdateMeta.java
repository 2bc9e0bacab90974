package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.Objects;

/**
 * {@code update:meta[:nc]:<key><metadata options>}: change only the metadata of a key (B7). Here
 * the options come after the key.
 *
 * @param key the key
 * @param options the metadata options in the order given (possibly empty)
 * @param noCommit {@code :nc}: write no commit-log entry for this change
 */
public record UpdateMeta(AtKey key, MetadataOptions options, boolean noCommit) implements Command {
  /** Validates; null options mean none. */
  public UpdateMeta {
    Objects.requireNonNull(key, "key");
    options = options == null ? MetadataOptions.EMPTY : options;
  }

  /** A metadata change that is committed (no {@code :nc}). */
  public UpdateMeta(AtKey key, MetadataOptions options) {
    this(key, options, false);
  }

  @Override
  public Verb verb() {
    return Verb.UPDATE_META;
  }

  @Override
  public String render() {
    return "update:meta" + (noCommit ? ":nc:" : ":") + key + options.render();
  }
}
