package dev.atpj.store.rocksdb;

import org.rocksdb.InfoLogLevel;
import org.rocksdb.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * RocksDB's info log for every store of a {@link StoreEnvironment}: warnings and errors go to SLF4J
 * (logger {@code dev.atpj.store.rocksdb.RocksDb}) instead of a {@code LOG} file per store, which
 * would hold one file descriptor per open store for the whole run. RocksDB's informational lines
 * (the options header, flush and compaction reports, which can quote key names) are logged at DEBUG
 * only, so key names stay out of logs by default.
 */
final class RocksDbInfoLog extends Logger {
  private static final org.slf4j.Logger LOG =
      LoggerFactory.getLogger("dev.atpj.store.rocksdb.RocksDb");

  RocksDbInfoLog() {
    super(InfoLogLevel.WARN_LEVEL);
  }

  @Override
  protected void log(InfoLogLevel level, String message) {
    LOG.atLevel(levelOf(level)).log(message);
  }

  /**
   * The SLF4J level of a RocksDB level: DEBUG below warnings, so that nothing RocksDB reports in
   * passing (which may quote key names) reaches a default log.
   */
  static Level levelOf(InfoLogLevel level) {
    return switch (level) {
      case WARN_LEVEL -> Level.WARN;
      case ERROR_LEVEL, FATAL_LEVEL -> Level.ERROR;
      default -> Level.DEBUG;
    };
  }
}
