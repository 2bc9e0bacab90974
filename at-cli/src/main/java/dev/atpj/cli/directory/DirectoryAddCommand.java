package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp directory add @name host:port}. */
@Command(
    name = "add",
    header = "Add an atSign to the registry, or change its address.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Adds an atSign to the registry, or changes its address.")
final class DirectoryAddCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "@NAME",
      converter = Converters.AtSignConverter.class,
      description = "The atSign.")
  private AtSign atSign;

  @Parameters(
      index = "1",
      paramLabel = "HOST:PORT",
      converter = Converters.HostPortConverter.class,
      description = "Where its atServer listens, e.g. 127.0.0.2:47001 or alice.example.com:6464.")
  private HostPort address;

  @Mixin private RegistryOption registry;

  DirectoryAddCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    FileDirectoryRegistry opened = registry.open(environment);
    opened.put(atSign, address);
    spec.commandLine().getOut().println(atSign + " -> " + address + " (in " + opened.file() + ")");
    return 0;
  }
}
