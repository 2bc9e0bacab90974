package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atp directory list}. */
@Command(
    name = "list",
    header = "List the registry.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Prints the registry: one `@name host:port` line per atSign, sorted.")
final class DirectoryListCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Mixin private RegistryOption registry;

  DirectoryListCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    FileDirectoryRegistry opened = registry.open(environment);
    Map<AtSign, String> entries = opened.entries();
    PrintWriter out = spec.commandLine().getOut();
    entries.forEach((atSign, address) -> out.println(atSign + " " + address));
    if (entries.isEmpty()) {
      spec.commandLine().getErr().println("(no atSigns in " + opened.file() + ")");
    }
    return 0;
  }
}
