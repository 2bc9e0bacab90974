/**
 * One atServer connection: {@link dev.atpj.server.connection.AtSession} parses each line, checks
 * authentication, runs the verb's handler, renders the reply with the prompt and keeps replies in
 * command order; {@link dev.atpj.server.connection.SessionObserver} writes its structured log,
 * metrics and access-log entries.
 */
package dev.atpj.server.connection;
