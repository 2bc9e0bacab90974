package dev.atpj.store.rocksdb;

/**
 * Counters of a store's group commits since it was opened.
 *
 * @param batches write batches written
 * @param operations operations in those batches (a put, delete, apply or log write each count one)
 * @param syncs batches whose write-ahead log was synced
 */
public record CommitStats(long batches, long operations, long syncs) {}
