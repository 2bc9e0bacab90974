package dev.atpj.store;

/**
 * A key and its stored value, as visited by {@link AtStore#forEachKey}.
 *
 * @param key the canonical key
 * @param value the stored value (active or not: callers check the metadata)
 */
public record KeyEntry(String key, StoredValue value) {}
