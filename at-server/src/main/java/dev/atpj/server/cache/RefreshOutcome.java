package dev.atpj.server.cache;

/** What the refresh job did with one cached copy. */
public enum RefreshOutcome {
  /** Fetched again; the value is the same (refreshAt moved on). */
  UNCHANGED,
  /** Fetched again; the value changed. */
  UPDATED,
  /** Removed: gone, inactive or no longer cacheable at the source. */
  REMOVED,
  /** The owner's atServer could not be asked; the copy stays and is tried next time. */
  FAILED
}
