package dev.atpj.store;

/**
 * What one bounded {@link CommitLog#compact(long, java.time.Instant, int)} step did.
 *
 * @param examined entries looked at
 * @param removed superseded entries removed
 * @param lastExaminedId the highest commit id looked at; continue after it. It equals the requested
 *     {@code afterCommitId} when nothing was examined.
 * @param done whether the step reached the end of the log
 */
public record CommitCompaction(int examined, int removed, long lastExaminedId, boolean done) {}
