/**
 * The configuration file of one atServer: every option named, typed and defaulted once, read from a
 * properties file and overridden by environment variables and command-line options.
 */
package dev.atpj.server.config;
