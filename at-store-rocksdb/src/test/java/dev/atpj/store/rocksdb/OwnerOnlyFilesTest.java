package dev.atpj.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.store.AtStore;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.InfoLogLevel;
import org.slf4j.event.Level;

/**
 * A store holds an atSign's CRAM secret and private keys: its folder is 700 and its files 600, also
 * for a store written before, and RocksDB's own log lines stay below INFO.
 */
class OwnerOnlyFilesTest {
  private final StoreEnvironment env =
      new StoreEnvironment(new StoreEnvironmentConfig(8 << 20, 8 << 20, 1, 1, 1));
  @TempDir Path root;

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  private void writeSecret(Path dir) {
    AtStore store = env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC());
    store.put("privatekey:at_secret", StoredValue.of("the CRAM secret"), null).join();
    store.close();
  }

  @Test
  void aNewStoreIsReadableByItsOwnerOnly() throws IOException {
    Path dir = root.resolve("storage").resolve("alice");
    writeSecret(dir);
    writeSecret(dir);
    assertThat(mode(root.resolve("storage"))).isEqualTo("rwx------");
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(files(dir))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(mode(f)).as("%s", f).isEqualTo("rw-------"));
  }

  @Test
  void anOlderStoreIsTightenedWhenOpened() throws IOException {
    Path dir = root.resolve("bob");
    writeSecret(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (Path file : files(dir)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC()).close();
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(files(dir)).allSatisfy(f -> assertThat(mode(f)).as("%s", f).isEqualTo("rw-------"));
  }

  @Test
  void rocksDbInformationIsLoggedAtDebugOnly() {
    assertThat(RocksDbInfoLog.levelOf(InfoLogLevel.INFO_LEVEL)).isEqualTo(Level.DEBUG);
    assertThat(RocksDbInfoLog.levelOf(InfoLogLevel.HEADER_LEVEL)).isEqualTo(Level.DEBUG);
    assertThat(RocksDbInfoLog.levelOf(InfoLogLevel.DEBUG_LEVEL)).isEqualTo(Level.DEBUG);
    assertThat(RocksDbInfoLog.levelOf(InfoLogLevel.WARN_LEVEL)).isEqualTo(Level.WARN);
    assertThat(RocksDbInfoLog.levelOf(InfoLogLevel.ERROR_LEVEL)).isEqualTo(Level.ERROR);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).toList();
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
