package dev.atpj.store.rocksdb;

import org.rocksdb.InfoLogLevel;
import org.rocksdb.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB's info log for every store of a {@link StoreEnvironment}: warnings and errors go to SLF4J
 * (logger {@code dev.atpj.store.rocksdb.RocksDb}) instead of a {@code LOG} file per store, which
 * would hold one file descriptor per open store for the whole run.
 */
final class RocksDbInfoLog extends Logger {
  private static final org.slf4j.Logger LOG =
      LoggerFactory.getLogger("dev.atpj.store.rocksdb.RocksDb");

  RocksDbInfoLog() {
    super(InfoLogLevel.WARN_LEVEL);
  }

  @Override
  protected void log(InfoLogLevel level, String message) {
    switch (level) {
      case DEBUG_LEVEL -> LOG.debug(message);
      case INFO_LEVEL, HEADER_LEVEL -> LOG.info(message);
      case WARN_LEVEL -> LOG.warn(message);
      default -> LOG.error(message);
    }
  }
}
