package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.ProcessLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atp up} as its own process, from the packaged distribution ({@code target/dist/lib}, as
 * {@code ./atp} runs it): it becomes ready, and SIGTERM or SIGINT stops it with exit code 0. Runs
 * after {@code package}; skipped when the distribution is missing.
 */
class UpProcessIT {
  private static final Path DIST = Path.of("target", "dist", "lib");

  @TempDir Path home;

  @Test
  void sigtermAndSigintStopItWithExitCodeZero() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DIST), "no packaged distribution in " + DIST);
    for (String signal : List.of("TERM", "INT")) {
      Process process =
          new ProcessBuilder(
                  ProcessLines.withDefaultSigint(
                      List.of(
                          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                          "-cp",
                          DIST.toAbsolutePath() + "/*",
                          "dev.atpj.cli.AtpMain",
                          "up",
                          "--home",
                          home.toString(),
                          "--atsigns",
                          "@alice",
                          "--directory-port",
                          "0",
                          "--base-port",
                          "0")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      ProcessLines lines = ProcessLines.follow(process, "up-stdout");
      try {
        assertThat(lines.awaitLineStarting("ready")).endsWith("platform.json");
        assertThat(home.resolve("platform.json")).exists();
        lines.signal(signal);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
        assertThat(process.exitValue()).as("exit code after SIG" + signal).isZero();
        assertThat(lines.awaitLineStarting("stopped")).isEqualTo("stopped");
        assertThat(home.resolve("platform.json")).doesNotExist();
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
