/**
 * Typed commands: one record per verb ({@link dev.atpj.protocol.command.Command}), the {@link
 * dev.atpj.protocol.command.Verb} table with its authentication rules, and the {@link
 * dev.atpj.protocol.command.CommandParser} that turns a line into a command without ever throwing.
 */
package dev.atpj.protocol.command;
