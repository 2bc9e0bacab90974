package dev.atpj.client.sync;

import dev.atpj.store.StoredValue;

/**
 * A key changed in the replica and, meanwhile, on the atServer. Values are as stored (ciphertext
 * for encrypted keys); read them with the client to see the plaintext.
 *
 * @param key the key
 * @param local the replica's version, or null when the key was deleted locally
 * @param remote the atServer's version, or null when it was deleted there
 * @param winner which version the replica and the atServer keep
 */
public record SyncConflict(
    String key, StoredValue local, StoredValue remote, ConflictPolicy winner) {}
