/**
 * {@code atp server}: one atServer run by hand from a configuration file ({@link
 * dev.atpj.server.config.ServerSettings}), environment variables and command-line options.
 */
package dev.atpj.cli.server;
