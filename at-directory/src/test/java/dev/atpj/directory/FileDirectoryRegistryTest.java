package dev.atpj.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDirectoryRegistryTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsAnEmptyRegistry() {
    assertThat(FileDirectoryRegistry.open(dir.resolve("none.json")).entries()).isEmpty();
  }

  @Test
  void entriesPersistNormalisedAndSorted() throws Exception {
    Path file = dir.resolve("registry.json");
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(file);
    registry.put(AtSign.parse("Bob"), HostPort.parse("127.0.0.3:47002"));
    registry.put(AtSign.parse("@alice"), HostPort.parse("127.0.0.2:47001"));
    assertThat(Files.readString(file)).contains("\"@alice\"").contains("\"@bob\"");
    assertThat(FileDirectoryRegistry.open(file).entries())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    AtSign.parse("@alice"),
                    "127.0.0.2:47001",
                    AtSign.parse("@bob"),
                    "127.0.0.3:47002")));
    assertThat(registry.remove(AtSign.parse("@bob"))).isTrue();
    assertThat(registry.remove(AtSign.parse("@bob"))).isFalse();
    assertThat(FileDirectoryRegistry.open(file).find(AtSign.parse("@bob"))).isEmpty();
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws Exception {
    Path file = dir.resolve("registry.json");
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(file);
    IntStream.range(0, 20)
        .forEach(i -> registry.put(AtSign.parse("@a" + i), HostPort.parse("h:" + (1000 + i))));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("registry.json", "registry.json.lock");
    }
  }

  @Test
  void twoWritersDoNotLoseEachOthersEntries() {
    Path file = dir.resolve("registry.json");
    FileDirectoryRegistry first = FileDirectoryRegistry.open(file);
    FileDirectoryRegistry second = FileDirectoryRegistry.open(file);
    first.put(AtSign.parse("@alice"), HostPort.parse("h:1"));
    second.put(AtSign.parse("@bob"), HostPort.parse("h:2"));
    assertThat(FileDirectoryRegistry.open(file).entries()).hasSize(2);
  }

  @Test
  void aCorruptFileIsRefusedAtOpenButIgnoredOnReload() throws Exception {
    Path file = dir.resolve("registry.json");
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(file);
    registry.put(AtSign.parse("@alice"), HostPort.parse("h:1"));
    Files.writeString(file, "{ not json");
    assertThat(registry.reloadIfChanged()).isFalse();
    assertThat(registry.find(AtSign.parse("@alice"))).contains("h:1");
    assertThatThrownBy(() -> FileDirectoryRegistry.open(file))
        .isInstanceOf(UncheckedIOException.class);
  }
}
