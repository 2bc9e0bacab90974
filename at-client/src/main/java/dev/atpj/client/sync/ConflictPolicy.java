package dev.atpj.client.sync;

/**
 * Which side wins when a key changed both in the replica (not yet pushed) and on the atServer since
 * the last sync. Either way the conflict is reported with both versions ({@link SyncConflict}), so
 * the losing version is never silently lost.
 */
public enum ConflictPolicy {
  /** The atServer's version replaces the local change (as the Dart SDK does). The default. */
  REMOTE_WINS,
  /** The local change is pushed over the atServer's version. */
  LOCAL_WINS
}
