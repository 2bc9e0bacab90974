package dev.atpj.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.ProcessLines;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atp server} as its own process from the packaged distribution, configured only by real
 * {@code ATPJ_} environment variables: it becomes ready, and SIGTERM or SIGINT stops it with exit
 * code 0. Runs after {@code package}; skipped when the distribution is missing.
 */
class ServerProcessIT {
  private static final Path DIST = Path.of("target", "dist", "lib");

  @TempDir Path dir;

  @Test
  void sigtermAndSigintStopItWithExitCodeZero() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DIST), "no packaged distribution in " + DIST);
    ServerCredentials tls = TestPki.create(dir.resolve("pki")).serverCredentials("127.0.0.1");
    for (String signal : List.of("TERM", "INT")) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  ProcessLines.withDefaultSigint(
                      List.of(
                          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                          "-cp",
                          DIST.toAbsolutePath() + "/*",
                          "dev.atpj.cli.AtpMain",
                          "server")))
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder
          .environment()
          .putAll(
              Map.of(
                  "ATPJ_AT_SIGN",
                  "@alice",
                  "ATPJ_STORAGE_DIR",
                  dir.resolve("storage").toString(),
                  "ATPJ_TLS_CERTIFICATE",
                  tls.certFile().toString(),
                  "ATPJ_TLS_PRIVATE_KEY",
                  tls.keyFile().toString(),
                  "ATPJ_BIND_HOST",
                  "127.0.0.1",
                  "ATPJ_PORT",
                  "0"));
      Process process = builder.start();
      ProcessLines lines = ProcessLines.follow(process, "server-stdout");
      try {
        assertThat(lines.awaitLineStarting("ready")).startsWith("ready 127.0.0.1:");
        lines.signal(signal);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
        assertThat(process.exitValue()).as("exit code after SIG" + signal).isZero();
        assertThat(lines.awaitLineStarting("stopped")).isEqualTo("stopped");
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
