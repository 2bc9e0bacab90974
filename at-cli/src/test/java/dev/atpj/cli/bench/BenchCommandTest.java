package dev.atpj.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.common.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring of {@code atp bench}, with the smallest possible runs (not a benchmark). */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void runsTheNamedTargetsAndSkipsAMissingRedisInOneLine() {
    Result result =
        new CliRunner(dir)
            .run(
                "bench",
                "directory",
                "owner-read",
                "redis",
                "--redis-server",
                dir.resolve("no-redis-server").toString(),
                "--duration",
                "500ms",
                "--warmup",
                "0s",
                "--connections",
                "1",
                "--keys",
                "10");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.out())
        .contains("connections=1 depth=1 warmup=0s duration=500ms keys=10")
        .containsPattern("(?m)^atpj directory lookup +\\d+ .* 0 +[0-9.]+$")
        .containsPattern("(?m)^atpj owner read \\(llookup\\) +\\d+ .* 0 +[0-9.]+$")
        .containsPattern("(?m)^redis GET \\(TLS\\) +skipped: .*not found; install");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("apt-get install redis-server");
  }

  @Test
  void scaleTargetsHoldConnectionsAndAtSignsAndReportWhatEachCosts() {
    Result result =
        new CliRunner(dir)
            .run(
                "bench",
                "connections",
                "atsigns",
                "--open-connections",
                "50",
                "--atsigns",
                "5",
                "--connections",
                "1",
                "--duration",
                "300ms",
                "--warmup",
                "0s");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("open-connections=50 atsigns=5")
        .containsPattern("(?m)^atpj open 50 connections +\\d+ .* 0 +([0-9.]+|-)$")
        .containsPattern(
            "(?m)^  50 connections: heap .*B/connection\\), rss .*, fds -?\\d+ \\(-?[0-9.]+/connection\\),"
                + " threads -?\\d+ .*\\(client and server ends\\)$")
        .containsPattern(
            "(?m)^  after closing all: server connections left \\d+, info:brief answered$")
        .containsPattern("(?m)^atpj info:brief, 50 open +\\d+ .* 0 +([0-9.]+|-)$")
        .containsPattern("(?m)^atpj start 5 atSigns +\\d+ .* 0 +-$")
        .containsPattern(
            "(?m)^  5 atSigns: heap .*B/atSign\\), rss .*, fds -?\\d+ .*\\(idle, 3 keys each\\)$")
        .containsPattern("(?m)^  stopping all 6 atServers took [0-9.]+ s$")
        .containsPattern("(?m)^atpj owner read, 5 atSigns up +\\d+ .* 0 +([0-9.]+|-)$");
  }

  @Test
  void tooManyConnectionsForTheFileLimitAreSkippedInOneLine() {
    Result result =
        new CliRunner(dir)
            .run("bench", "connections", "--open-connections", "100000000", "--duration", "1s");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.out()).containsPattern("(?m)^atpj open connections +skipped: .*ulimit -n");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("file descriptors", "--open-connections");
  }

  @Test
  void unknownTargetsAndBadNumbersAreUsageErrors() {
    CliRunner atp = new CliRunner(dir);
    Result unknown = atp.run("bench", "memcached");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown target 'memcached'", "owner-read", "compare");
    Result zero = atp.run("bench", "--connections", "0");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).contains("at least 1");
  }

  @Test
  void jmhRunsInAForkedJvmWithTheSameClassPath() {
    Result result = new CliRunner(dir).run("bench", "jmh", "-l", "Protocol");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("dev.atpj.bench.jmh.ProtocolBenchmark.parseLlookup")
        .doesNotContain("StoreBenchmark");
  }
}
