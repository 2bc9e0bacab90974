/**
 * What every atpj server shares: event loops, TLS contexts, the TLS line listener with its framing,
 * connection limits and idle handling, and the ordered, asynchronous session driver. Protocols (the
 * atDirectory, the atServer) plug in as {@link dev.atpj.server.core.LineSession}s.
 */
package dev.atpj.server.core;
