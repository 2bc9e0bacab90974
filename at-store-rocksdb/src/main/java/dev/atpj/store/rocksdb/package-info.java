/**
 * The RocksDB {@link dev.atpj.store.AtStore}: one database per atSign folder, and a {@link
 * dev.atpj.store.rocksdb.StoreEnvironment} that all stores of a process share (block cache,
 * write-buffer manager, group-commit threads).
 *
 * <p>Column families and their layouts ({@code id} = 8-byte big-endian, sign-flipped long; text is
 * UTF-8):
 *
 * <ul>
 *   <li>{@code keys}: key &rarr; encoded {@link dev.atpj.store.StoredValue} (bloom filter)
 *   <li>{@code commits}: commit id &rarr; version, op symbol, op time, key
 *   <li>{@code latest}: key &rarr; its latest commit id (bloom filter)
 *   <li>{@code expiry}: expiresAt millis + key &rarr; empty
 *   <li>{@code notifications}, {@code access}: record id &rarr; time millis
 *   <li>{@code notifications_time}, {@code access_time}: time millis + record id &rarr; bytes
 *   <li>{@code default}: server property name &rarr; value
 * </ul>
 *
 * <p>All changes of one group commit are one {@code WriteBatch}, written by one thread at a time
 * per store, so commit ids, the commit log, {@code latest} and {@code expiry} always agree with
 * {@code keys}, also after a crash.
 */
package dev.atpj.store.rocksdb;
