package dev.atpj.server.data;

import dev.atpj.protocol.key.AtKey;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;

/**
 * A durable, committed change of one key, as {@link KeyChangeListener}s see it.
 *
 * @param key the key that changed
 * @param op what happened ({@code + # * -})
 * @param value the new value and metadata; null for a delete
 * @param commitId the commit id of the change
 */
public record KeyChange(AtKey key, CommitOp op, StoredValue value, long commitId) {
  /** Whether the change is a delete. */
  public boolean isDelete() {
    return op == CommitOp.DELETE;
  }
}
