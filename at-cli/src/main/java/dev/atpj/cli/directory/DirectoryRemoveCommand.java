package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp directory remove @name}. */
@Command(
    name = "remove",
    header = "Remove an atSign from the registry.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Removes an atSign from the registry; fails when it is not there.")
final class DirectoryRemoveCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "@NAME",
      converter = Converters.AtSignConverter.class,
      description = "The atSign.")
  private AtSign atSign;

  @Mixin private RegistryOption registry;

  DirectoryRemoveCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    FileDirectoryRegistry opened = registry.open(environment);
    if (!opened.remove(atSign)) {
      throw new CliException(atSign + " is not in " + opened.file());
    }
    spec.commandLine().getOut().println("removed " + atSign + " (from " + opened.file() + ")");
    return 0;
  }
}
