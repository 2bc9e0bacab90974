package dev.atpj.cli.common;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home DIR} option, shared by commands that use the home folder. */
public final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Home folder: the PKI, registry, secrets, keys and data (default: $ATPJ_HOME, else ~/.atpj).")
  private Path home;

  /**
   * The home folder to use.
   *
   * @param environment the process environment, for the default
   * @return the absolute home folder
   */
  public Path resolve(CliEnvironment environment) {
    return environment.home(home);
  }
}
