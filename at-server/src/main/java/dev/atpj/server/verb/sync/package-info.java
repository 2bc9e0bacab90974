/** The {@code sync} verbs (docs/protocol.md Part A §6, B12). */
package dev.atpj.server.verb.sync;
