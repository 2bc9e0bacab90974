/**
 * Where an atServer's background work runs: {@link dev.atpj.server.runtime.PeriodicJob}, which the
 * expiry sweep, log and notification compaction, cache refresh and certificate reload use, and
 * {@link dev.atpj.server.runtime.OpsExecutor}, where storage work too long for an event loop runs.
 * Depends on no other package of the server.
 */
package dev.atpj.server.runtime;
