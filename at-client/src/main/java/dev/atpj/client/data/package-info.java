/**
 * How values are encrypted, signed and read so that at_java and the Dart SDK agree
 * (docs/protocol.md C7, C11): {@link dev.atpj.client.data.DataCodec} (put and get flows), {@link
 * dev.atpj.client.data.SharedKeys} (the per-pair AES keys) and {@link
 * dev.atpj.client.data.PublicKeys}. Used by {@link dev.atpj.client.AtClient}; public for tests and
 * for tools that need the flows without a client.
 */
package dev.atpj.client.data;
