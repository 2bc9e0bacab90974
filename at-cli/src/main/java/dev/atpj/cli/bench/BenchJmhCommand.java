package dev.atpj.cli.bench;

import dev.atpj.cli.common.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code atp bench jmh}: the JMH micro-benchmarks of at-bench, in a JVM of their own. */
@Command(
    name = "jmh",
    header = "Run the JMH micro-benchmarks (parsing, rendering, storage) in a forked JVM.",
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Runs org.openjdk.jmh.Main with this program's class path, passing every argument on:"
          + " a regular expression choosing benchmarks (e.g. StoreBenchmark), then JMH options"
          + " (e.g. -f 1 -wi 2 -i 3, -prof stack, -l to list). JMH's own help: atp bench jmh --"
          + " -h.",
      "Benchmarks: ProtocolBenchmark (command parsing, reply rendering), StoreBenchmark (RocksDB"
          + " point reads, synced writes).",
      ""
    })
final class BenchJmhCommand implements Callable<Integer> {
  /** JMH's command-line entry point. */
  static final String JMH_MAIN = "org.openjdk.jmh.Main";

  @Spec private CommandSpec spec;

  @Unmatched private List<String> jmhArguments = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    BenchCommand.quietLogging();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(JMH_MAIN);
    command.addAll(jmhArguments);
    Process jmh;
    try {
      jmh = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new CliException("cannot start a JVM for JMH: " + e.getMessage(), e);
    }
    jmh.getOutputStream().close();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(jmh.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(line);
        out.flush();
      }
    } finally {
      if (jmh.isAlive()) {
        jmh.destroy();
      }
    }
    int code = jmh.waitFor();
    if (code != 0) {
      throw new CliException("JMH ended with exit code " + code + " (see its output above)");
    }
    return 0;
  }
}
