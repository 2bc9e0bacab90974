package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.Objects;

/**
 * {@code update[:nc][<metadata options>]:<key> <value>}: store a value (B7). The key may lack its
 * owner (the server's atSign is meant); which key types may be written is the server's decision.
 *
 * @param options the metadata options in the order given (possibly empty)
 * @param key the key
 * @param value everything after the first space that follows the key; may contain spaces
 * @param noCommit {@code :nc}: write no commit-log entry for this update
 */
public record Update(MetadataOptions options, AtKey key, String value, boolean noCommit)
    implements Command {
  /** Validates; null options mean none. */
  public Update {
    options = options == null ? MetadataOptions.EMPTY : options;
    Objects.requireNonNull(key, "key");
    Checks.nonEmpty(value, "the value");
  }

  /** An update that is committed (no {@code :nc}). */
  public Update(MetadataOptions options, AtKey key, String value) {
    this(options, key, value, false);
  }

  @Override
  public Verb verb() {
    return Verb.UPDATE;
  }

  @Override
  public String render() {
    return "update" + (noCommit ? ":nc" : "") + options.render() + ":" + key + " " + value;
  }
}
