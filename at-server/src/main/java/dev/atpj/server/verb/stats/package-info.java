/** The {@code stats} verb (PROTOCOL.md B13). */
package dev.atpj.server.verb.stats;
