/**
 * {@code atp bench}: closed-loop load benchmarks of at-bench (atDirectory lookups, atServer owner
 * reads, Redis over TLS as the yardstick) and its JMH micro-benchmarks.
 */
package dev.atpj.cli.bench;
