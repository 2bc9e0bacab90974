/**
 * Server-to-server verbs (docs/protocol.md B5, B8, B10): {@code from} of another atSign and {@code
 * pol} on the inbound side; the owner's lookups, {@code plookup} and {@code scan} of other atSigns
 * through the outbound pool and the cache.
 */
package dev.atpj.server.verb.peer;
