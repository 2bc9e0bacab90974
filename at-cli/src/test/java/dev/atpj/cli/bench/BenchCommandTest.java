package dev.atpj.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.ExitCodes;
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
