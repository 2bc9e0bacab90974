/**
 * Operating an atServer: background jobs (log compaction, certificate reload, access-log flush) on
 * {@link dev.atpj.server.runtime.PeriodicJob}, the settings they read, and the configuration file.
 */
package dev.atpj.server.ops;
