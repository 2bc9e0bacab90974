/**
 * Server statistics (docs/protocol.md B13): the access log of logins, authentications and lookups,
 * its summaries for {@code stats}, and the compaction statistics the jobs record.
 */
package dev.atpj.server.stats;
