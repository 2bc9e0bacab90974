/**
 * The RocksDB {@link dev.atpj.store.AtStore}: one database per atSign folder, column families for
 * keys, commit log, latest commit per key, expiry index, record logs and server properties, and a
 * {@link dev.atpj.store.rocksdb.StoreEnvironment} that all stores of a process share (block cache,
 * write-buffer manager, group-commit threads).
 */
package dev.atpj.store.rocksdb;
