package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.protocol.key.AtKey;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp scan [REGEX]}: lists the atSign's keys. */
@Command(
    name = "scan",
    header = "List your keys.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Lists the keys of the atSign of --as, one per line (cached copies of others' keys"
          + " included), optionally only those containing a match of REGEX.",
      ""
    })
public final class ScanCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private ReplicaOption replica;

  @Parameters(
      arity = "0..1",
      paramLabel = "REGEX",
      converter = Converters.RegexConverter.class,
      description = "Only keys containing a match.")
  private String regex;

  @Option(names = "--hidden", description = "Also list hidden keys (names starting with _).")
  private boolean hidden;

  ScanCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    TargetOptions.Target t = target.resolve(environment);
    List<AtKey> keys;
    try (ClientSession session = replica.open(target, t)) {
      keys = session.client().getKeys(regex, hidden);
    }
    PrintWriter out = spec.commandLine().getOut();
    keys.forEach(out::println);
    return ExitCodes.OK;
  }
}
