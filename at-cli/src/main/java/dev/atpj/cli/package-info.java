/**
 * The {@code atp} command line: picocli commands (one class per command), the environment they
 * read, and the mapping of failures to one-line messages and exit codes.
 */
package dev.atpj.cli;
