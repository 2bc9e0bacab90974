package dev.atpj.store;

import java.util.Objects;

/** One change in an atomic batch given to {@link AtStore#apply}. */
public sealed interface Mutation {

  /** The key this mutation changes. */
  String key();

  /**
   * Stores a value.
   *
   * @param key the canonical key
   * @param value the value to store
   * @param op the commit-log operation, or {@code null} when this key type is not committed
   */
  record Put(String key, StoredValue value, CommitOp op) implements Mutation {
    /** Validates the components. */
    public Put {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (op == CommitOp.DELETE) {
        throw new IllegalArgumentException("a put cannot commit DELETE");
      }
    }
  }

  /**
   * Removes a key (a missing key is no error).
   *
   * @param key the canonical key
   * @param committed whether to add a DELETE entry to the commit log
   */
  record Delete(String key, boolean committed) implements Mutation {
    /** Validates the key. */
    public Delete {
      Objects.requireNonNull(key, "key");
    }
  }
}
