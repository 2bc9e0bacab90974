/**
 * Metrics of an atServer through Micrometer: the per-server {@link
 * dev.atpj.server.metrics.ServerMetrics} facade that sessions and other features (notifications,
 * outbound connections) feed, and the per-process Prometheus endpoint.
 */
package dev.atpj.server.metrics;
