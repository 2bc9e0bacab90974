/**
 * What every {@code atp} command shares: the environment (home, streams, stop signals), the one
 * error type and its exit codes, option converters, the {@code --home} option, logging set-up and
 * starting listeners with clear bind errors. Depends on no other {@code dev.atpj.cli} package, so
 * the command packages and the root {@code atp} command can all use it without a cycle.
 */
package dev.atpj.cli.common;
