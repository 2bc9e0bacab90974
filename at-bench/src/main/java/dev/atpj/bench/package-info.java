/**
 * Closed-loop load benchmarks behind {@code ./atp bench}: many TLS connections each keeping a fixed
 * number of requests in flight, latencies recorded per request, results side by side with Redis
 * over TLS on the same machine.
 */
package dev.atpj.bench;
