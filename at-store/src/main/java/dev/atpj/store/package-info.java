/**
 * Storage of one atSign: keystore, commit log, expiry index, append-only record logs and server
 * properties. {@link dev.atpj.store.AtStore} is the entry point; reads are synchronous, writes
 * return futures that complete once durable.
 */
package dev.atpj.store;
