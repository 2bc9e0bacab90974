/**
 * How an atServer works with other atServers (docs/protocol.md Part A §8, §11, B5): the pooled
 * outbound connections with their {@code from}/{@code pol} handshake and in-memory cookies, the
 * checks of inbound {@code from} (block list, client certificate against the atDirectory) and
 * {@code pol} (the peer's signature of the proof), and their configuration.
 */
package dev.atpj.server.peer;
