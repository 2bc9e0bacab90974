/**
 * Synchronisation of an atSign's devices through the commit log (docs/protocol.md Part A §6, B12):
 * pages of changes for {@code sync:from} and the whitepaper's {@code sync:<id>}, rendered as the
 * reference does.
 */
package dev.atpj.server.sync;
