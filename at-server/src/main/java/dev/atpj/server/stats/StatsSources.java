package dev.atpj.server.stats;

import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.store.AtStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code stats} values are read from.
 *
 * @param store the atSign's storage (commit log, notification log, compaction records)
 * @param metrics connection counts and notification counts
 * @param accessLog logins, authentications and lookups
 * @param storageDir the storage folder, for its size
 * @param statsTopN how many atSigns and keys the top lists hold
 * @param clock the clock
 * @param version the server's version
 */
public record StatsSources(
    AtStore store,
    ServerMetrics metrics,
    AccessLog accessLog,
    Path storageDir,
    int statsTopN,
    Clock clock,
    String version) {}
