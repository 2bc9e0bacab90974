package dev.atpj.cli;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.cli.up.PlatformInfo;
import dev.atpj.cli.up.PlatformLayout;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp lookup @alice}: asks an atDirectory where an atSign's atServer is. */
@Command(
    name = "lookup",
    header = "Ask an atDirectory where an atSign's atServer is.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Asks an atDirectory where an atSign's atServer lives and prints host:port.",
      "Without --directory, asks the atDirectory of the `atp up` running in --home, trusting its"
          + " CA.",
      ""
    })
public final class LookupCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "@NAME",
      converter = Converters.AtSignConverter.class,
      description = "The atSign to look up.")
  private AtSign atSign;

  @Option(
      names = "--directory",
      paramLabel = "HOST:PORT",
      converter = Converters.HostPortConverter.class,
      description = "The atDirectory to ask, e.g. root.atsign.org:64.")
  private HostPort directory;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description =
          "PEM file of the CA to trust (default: the platform's CA without --directory, else the"
              + " JDK's trust store).")
  private Path ca;

  @Mixin private HomeOption home;

  LookupCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    HostPort target = directory;
    Path trusted = ca;
    if (target == null) {
      PlatformInfo platform = PlatformInfo.read(new PlatformLayout(home.resolve(environment)));
      target = platform.directory();
      trusted = trusted == null ? platform.caFile() : trusted;
    }
    ClientOptions options = ClientOptions.defaults().withTrustedCa(trusted);
    try (AtConnector connector =
        AtConnector.standalone(target, options.withRetries(1, options.retryDelay()))) {
      HostPort found = connector.locate(atSign);
      spec.commandLine().getOut().println(found);
    }
    return ExitCodes.OK;
  }
}
