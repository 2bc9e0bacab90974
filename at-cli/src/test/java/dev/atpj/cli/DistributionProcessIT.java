package dev.atpj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code target/atpj-<version>.tar.gz}, made in {@code package}) on its own:
 * unpacked into an empty folder, its {@code bin/atp} prints the build's version and runs {@code up}
 * to {@code ready} with a fresh home, logging JSON, using only a Java on the {@code PATH}; the
 * benchmark jars sit apart in {@code lib/bench}.
 */
class DistributionProcessIT {
  @TempDir Path unpacked;
  @TempDir Path home;
  @TempDir Path logFolder;

  @Test
  void theUnpackedArchiveRunsUpOnAFreshHome() throws Exception {
    Path archive = archive();
    assertThat(
            run(
                List.of(
                    "tar", "xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString())))
        .isEmpty();
    Path app = unpacked.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
    assertThat(app.resolve("LICENSE")).exists();
    assertThat(app.resolve("docs/cli.md")).exists();
    try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
      assertThat(jars.map(jar -> jar.getFileName().toString()))
          .as("the CLI's classpath holds no benchmark jars")
          .anyMatch(jar -> jar.startsWith("picocli-"))
          .noneMatch(jar -> jar.matches("(at-bench|lettuce|jmh|reactor|commons-math3).*"));
    }
    assertThat(app.resolve("lib/bench")).isDirectoryContaining("glob:**/at-bench-*.jar");
    Path atp = app.resolve("bin/atp");
    assertThat(Files.isExecutable(atp)).isTrue();

    String version = run(List.of(atp.toString(), "--version"));
    assertThat(version).startsWith("atp (atpj) " + VersionProvider.version() + "\n");
    assertThat(run(List.of(atp.toString(), "bench", "--help"))).contains("Usage: atp bench");

    Path logs = logFolder.resolve("up-stderr.log");
    Process up =
        launcher(
                List.of(
                    atp.toString(),
                    "up",
                    "--home",
                    home.toString(),
                    "--atsigns",
                    "@alice",
                    "--directory-port",
                    "0",
                    "--base-port",
                    "0",
                    "--log-format",
                    "json",
                    "--log-level",
                    "info"))
            .redirectError(logs.toFile())
            .start();
    ProcessLines lines = ProcessLines.follow(up, "dist-up-stdout");
    try {
      assertThat(lines.awaitLineStarting("Logs: "))
          .isEqualTo("Logs: stderr (json, INFO and above)");
      assertThat(lines.awaitLineStarting("ready")).endsWith("platform.json");
      assertThat(Files.readAllLines(logs))
          .isNotEmpty()
          .allMatch(line -> line.startsWith("{") && line.contains("\"level\":"));
      lines.signal("TERM");
      assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      assertThat(up.exitValue()).isZero();
    } finally {
      up.destroyForcibly();
    }
  }

  private static Path archive() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("atpj-.*\\.tar\\.gz"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no atpj-*.tar.gz in target: run package"));
    }
  }

  /** Runs the archive's launcher with this JVM's java first on the PATH and no JAVA_HOME. */
  private ProcessBuilder launcher(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(unpacked.toFile());
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", javaBin + ":/usr/bin:/bin");
    builder.environment().put("HOME", home.toString());
    return builder;
  }

  private String run(List<String> command) throws Exception {
    Process process = launcher(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + out).isZero();
    return out;
  }
}
