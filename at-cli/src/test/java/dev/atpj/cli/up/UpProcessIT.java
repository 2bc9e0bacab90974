package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
                  "0")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readLines(process, lines), "up-stdout");
      reader.setDaemon(true);
      reader.start();
      try {
        assertThat(awaitLineStarting(lines, "ready")).endsWith("platform.json");
        assertThat(home.resolve("platform.json")).exists();
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
            .start()
            .waitFor(10, TimeUnit.SECONDS);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
        assertThat(process.exitValue()).as("exit code after SIG" + signal).isZero();
        assertThat(awaitLineStarting(lines, "stopped")).isEqualTo("stopped");
        assertThat(home.resolve("platform.json")).doesNotExist();
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static String awaitLineStarting(BlockingQueue<String> lines, String prefix)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "'");
  }

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
