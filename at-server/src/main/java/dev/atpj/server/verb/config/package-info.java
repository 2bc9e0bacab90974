/**
 * The {@code config} verb (PROTOCOL.md B13): the block list, and the reference's testing-mode
 * settings, which atpj answers as disabled.
 */
package dev.atpj.server.verb.config;
