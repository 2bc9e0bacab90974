package dev.atpj.server.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debug timing of the steps of a first server-to-server delivery (directory lookup, TCP connect,
 * TLS handshake, {@code from}/{@code pol}, the call back for the proof), logged under the logger
 * {@code dev.atpj.latency} at debug level, one line per step with its duration in microseconds. Off
 * (and nearly free) unless that logger is at debug level.
 */
public final class LatencyLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.atpj.latency");

  private LatencyLog() {}

  /** Whether steps are logged. */
  public static boolean enabled() {
    return LOG.isDebugEnabled();
  }

  /**
   * Logs a step that started at {@code startNanos} ({@link System#nanoTime()}) and ends now.
   *
   * @param step what was done, e.g. {@code directory lookup}
   * @param subject whom it concerned, e.g. an atSign or address
   * @param startNanos when it started
   */
  public static void step(String step, Object subject, long startNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: {} us", step, subject, (System.nanoTime() - startNanos) / 1000);
    }
  }
}
