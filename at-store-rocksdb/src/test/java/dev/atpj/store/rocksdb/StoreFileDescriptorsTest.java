package dev.atpj.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many file descriptors an open store holds (Linux, where {@code /proc/self/fd} exists): the
 * lock, write-ahead log, manifest, a few directory handles and table files, on the first open
 * (which creates the column families) as on a reopen; no info log file (the environment's info log
 * goes to SLF4J).
 */
class StoreFileDescriptorsTest {
  private static final Path FDS = Path.of("/proc/self/fd");

  /** LOCK, the WAL, the MANIFEST, directory handles and a table file (was 14 at first). */
  private static final int MAX_PER_STORE = 7;

  @TempDir Path dir;

  @Test
  void aStoreHoldsAsFewDescriptorsOnFirstOpenAsOnReopen() throws IOException {
    assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd");
    long first;
    try (StoreEnvironment env = new StoreEnvironment()) {
      Path folder = dir.resolve("alice");
      try (RocksDbAtStore store = env.open(folder, StoreConfig.DEFAULT, Clock.systemUTC())) {
        store.put("k", new StoredValue("v", Metadata.builder().build()), null).join();
        first = descriptorsUnder(folder);
      }
      assertThat(descriptorsUnder(folder)).isZero();
      try (RocksDbAtStore store = env.open(folder, StoreConfig.DEFAULT, Clock.systemUTC())) {
        assertThat(store.get("k")).isPresent();
        assertThat(folder.resolve("LOG")).doesNotExist();
        assertThat(descriptorsUnder(folder)).isBetween(1L, (long) MAX_PER_STORE);
      }
    }
    assertThat(first).isBetween(1L, (long) MAX_PER_STORE);
  }

  static long descriptorsUnder(Path folder) throws IOException {
    String prefix = folder.toRealPath().toString();
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.map(StoreFileDescriptorsTest::target).filter(t -> t.startsWith(prefix)).count();
    }
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }
}
