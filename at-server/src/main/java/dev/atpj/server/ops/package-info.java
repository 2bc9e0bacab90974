/**
 * Operating an atServer: background jobs (log compaction, certificate reload) on {@link
 * dev.atpj.server.ops.PeriodicJob}, which the expiry sweep, notification compaction and cache
 * refresh use too, the settings they read, the per-connection observer that writes structured logs,
 * metrics and the access log, and the configuration file.
 */
package dev.atpj.server.ops;
