package dev.atpj.cli.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.common.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRegistryCommandsTest {
  @TempDir Path userHome;

  @Test
  void addListAndRemoveEditTheHomeRegistry() throws Exception {
    CliRunner atp = new CliRunner(userHome);
    Result added = atp.run("directory", "add", "@Alice", "127.0.0.2:47001");
    assertThat(added.exitCode()).isZero();
    Path registry = userHome.resolve(".atpj/directory.json");
    assertThat(added.out()).contains("@alice -> 127.0.0.2:47001").contains(registry.toString());
    assertThat(atp.run("directory", "add", "bob", "bob.example.com:6464").exitCode()).isZero();
    assertThat(Files.readString(registry)).contains("\"@alice\"", "\"127.0.0.2:47001\"");

    Result listed = atp.run("directory", "list");
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out().lines())
        .containsExactly("@alice 127.0.0.2:47001", "@bob bob.example.com:6464");

    Result removed = atp.run("directory", "remove", "@bob");
    assertThat(removed.exitCode()).isZero();
    assertThat(atp.run("directory", "list").out().lines())
        .containsExactly("@alice 127.0.0.2:47001");
  }

  @Test
  void theRegistryFileAndHomeCanBeChosen(@TempDir Path elsewhere) {
    CliRunner atp =
        new CliRunner(userHome).variable("ATPJ_HOME", elsewhere.resolve("h").toString());
    assertThat(atp.run("directory", "add", "@a", "h:1").exitCode()).isZero();
    assertThat(elsewhere.resolve("h/directory.json")).exists();
    Path file = elsewhere.resolve("r.json");
    assertThat(atp.run("directory", "add", "@b", "h:2", "--registry", file.toString()).exitCode())
        .isZero();
    assertThat(atp.run("directory", "list", "--registry", file.toString()).out().lines())
        .containsExactly("@b h:2");
    assertThat(atp.run("directory", "list", "--home", elsewhere.resolve("h").toString()).out())
        .isEqualTo("@a h:1\n");
  }

  @Test
  void mistakesAreOneLineWithAnExitCode() {
    CliRunner atp = new CliRunner(userHome);
    Result badAtSign = atp.run("directory", "add", "@al:ice", "h:1");
    assertThat(badAtSign.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAtSign.err()).contains("is not a valid atSign");

    Result badAddress = atp.run("directory", "add", "@alice", "nowhere");
    assertThat(badAddress.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAddress.err().lines())
        .containsExactly(
            "atp: Invalid value for positional parameter at index 1 (HOST:PORT): 'nowhere' is not"
                + " HOST:PORT; see atp directory add --help");

    Result missing = atp.run("directory", "remove", "@nobody");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(missing.err().lines()).hasSize(1).first().asString().contains("@nobody is not in");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Result result = new CliRunner(userHome).run("directory", "remove", "@nobody", "--verbose");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("atp: @nobody is not in", "at dev.atpj.cli");
  }

  @Test
  void anUnreadableRegistryIsAUserError() throws Exception {
    Path file = userHome.resolve("broken.json");
    Files.writeString(file, "{not json");
    Result result = new CliRunner(userHome).run("directory", "list", "--registry", file.toString());
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err().lines())
        .hasSize(1)
        .first()
        .asString()
        .contains("cannot read directory registry");
  }
}
