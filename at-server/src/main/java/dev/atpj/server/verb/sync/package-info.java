/** The {@code sync} verbs (PROTOCOL.md Part A §6, B12). */
package dev.atpj.server.verb.sync;
