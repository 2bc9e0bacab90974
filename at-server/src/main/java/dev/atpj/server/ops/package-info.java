/**
 * Operating an atServer: background jobs (log compaction, certificate reload), the settings they
 * read, the per-connection observer that writes structured logs, metrics and the access log, and
 * the configuration file.
 */
package dev.atpj.server.ops;
