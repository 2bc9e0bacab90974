package dev.atpj.client.sync;

import java.util.List;

/**
 * What one {@link Replica#sync()} did.
 *
 * @param pulled how many changes came from the atServer
 * @param pushed how many local changes went to the atServer
 * @param conflicts keys changed on both sides, with both versions
 * @param serverCommitId the atServer's commit id the replica is in step with now (-1: none)
 * @param pending local changes still waiting to be pushed (made while the sync ran)
 */
public record SyncResult(
    int pulled, int pushed, List<SyncConflict> conflicts, long serverCommitId, int pending) {
  /** Copies the list. */
  public SyncResult {
    conflicts = List.copyOf(conflicts);
  }
}
