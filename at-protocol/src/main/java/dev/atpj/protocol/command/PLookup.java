package dev.atpj.protocol.command;

import dev.atpj.protocol.key.AtKey;
import java.util.Objects;

/**
 * {@code plookup[:bypassCache:true|false][:meta|:all]:<key>@<owner>}: read another atSign's public
 * key through this server, which caches it (B8).
 *
 * @param bypassCache true to skip the cache, false to allow it, null when not given
 * @param shape value, metadata or both
 * @param key the key, with its owner
 */
public record PLookup(Boolean bypassCache, LookupShape shape, AtKey key) implements Command {
  /** Validates; a null shape means {@link LookupShape#VALUE}. */
  public PLookup {
    shape = shape == null ? LookupShape.VALUE : shape;
    Objects.requireNonNull(key, "key");
    if (key.owner() == null) {
      throw Checks.syntax("the key needs @<atSign>");
    }
  }

  /** Whether the cache must be skipped. */
  public boolean bypassesCache() {
    return Boolean.TRUE.equals(bypassCache);
  }

  @Override
  public Verb verb() {
    return Verb.PLOOKUP;
  }

  @Override
  public String render() {
    String bypass = bypassCache == null ? "" : ":bypassCache:" + bypassCache;
    return "plookup" + bypass + shape.fragment() + ":" + key;
  }
}
