/** The {@code stats} verb (docs/protocol.md B13). */
package dev.atpj.server.verb.stats;
