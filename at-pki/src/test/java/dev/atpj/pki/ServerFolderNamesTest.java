package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerFolderNamesTest {
  @Test
  void keepsSafeNames() {
    assertThat(ServerFolderNames.of("directory")).isEqualTo("directory");
    assertThat(ServerFolderNames.of("alice")).isEqualTo("alice");
    assertThat(ServerFolderNames.of("bob.test-1_x")).isEqualTo("bob.test-1_x");
  }

  @Test
  void hexEncodesEverythingElse() {
    assertThat(ServerFolderNames.of("@alice")).isEqualTo("_40616c696365");
    assertThat(ServerFolderNames.of("Alice")).isEqualTo("_416c696365");
    assertThat(ServerFolderNames.of("..")).isEqualTo("_2e2e");
    assertThat(ServerFolderNames.of("🛠")).isEqualTo("_f09f9ba0");
  }

  @Test
  void hashesVeryLongNames() {
    String name = "🛠".repeat(55);

    assertThat(ServerFolderNames.of(name)).startsWith("_sha256-").hasSize(8 + 64);
  }

  @Test
  void distinctNamesGiveDistinctFolders() {
    List<String> names =
        List.of("alice", "@alice", "Alice", "_40616c696365", "a".repeat(64), "a".repeat(65), "🛠");
    Set<String> folders = new HashSet<>();
    names.forEach(name -> folders.add(ServerFolderNames.of(name)));

    assertThat(folders).hasSameSizeAs(names);
  }

  @Test
  void rejectsEmptyName() {
    assertThatThrownBy(() -> ServerFolderNames.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
