package dev.atpj.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One commit-log entry.
 *
 * @param commitId the entry's id; ids are assigned in commit order, starting at 0, without gaps
 *     unless the log was compacted
 * @param key the canonical key that changed
 * @param op what happened to it
 * @param opTime when it was committed (millisecond precision)
 */
public record CommitEntry(long commitId, String key, CommitOp op, Instant opTime) {

  /** Validates the components. */
  public CommitEntry {
    if (commitId < 0) {
      throw new IllegalArgumentException("commitId < 0");
    }
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(opTime, "opTime");
  }
}
