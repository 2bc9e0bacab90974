/**
 * The {@code config} verb (docs/protocol.md B13): the block list, and the reference's testing-mode
 * settings, which atpj answers as disabled.
 */
package dev.atpj.server.verb.config;
