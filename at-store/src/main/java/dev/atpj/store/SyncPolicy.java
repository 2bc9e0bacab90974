package dev.atpj.store;

/**
 * When a persistent store syncs its write-ahead log. Under every policy each write reaches the
 * operating system before its future completes, so acknowledged writes survive a crash of the
 * process; the policies differ on power loss or an operating-system crash.
 */
public enum SyncPolicy {
  /** Every group commit is synced before its futures complete (default): nothing is lost. */
  SYNC_EVERY_COMMIT,
  /**
   * A group commit is synced when {@link StoreConfig#syncInterval()} has passed since the last
   * sync; writes in between may be lost on power loss. There is no timer: an idle store's last
   * unsynced writes are synced by its next synced batch or on close.
   */
  PERIODIC,
  /** Never synced by the store (the operating system writes back when it likes). */
  NONE
}
