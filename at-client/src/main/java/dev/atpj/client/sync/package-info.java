/**
 * A local replica of an atSign's data in an embedded store, kept in step with its atServer through
 * the commit log ({@code sync:from}), with conflicts reported (docs/protocol.md B12).
 */
package dev.atpj.client.sync;
