package dev.atpj.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Switches the log level of the process: warnings only, or everything from atpj with --verbose. */
final class Logging {
  private Logging() {}

  static void verbose(boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.getLogger("dev.atpj").setLevel(verbose ? Level.DEBUG : null);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(verbose ? Level.INFO : Level.WARN);
  }
}
