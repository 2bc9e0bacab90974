package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.cli.up.PlatformLayout;
import dev.atpj.directory.FileDirectoryRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --registry FILE} (default {@code <home>/directory.json}) and {@code --home DIR}. */
public final class RegistryOption {
  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description =
          "The registry file, JSON {\"@alice\":\"host:port\"} (default: <home>/directory.json).")
  private Path registry;

  @Mixin private HomeOption home;

  /**
   * The registry file to use.
   *
   * @param environment the process environment
   * @return the absolute file
   */
  public Path file(CliEnvironment environment) {
    if (registry != null) {
      return registry.toAbsolutePath().normalize();
    }
    return new PlatformLayout(home.resolve(environment)).registryFile();
  }

  /**
   * Opens the registry.
   *
   * @param environment the process environment
   * @return the registry (empty when the file does not exist yet)
   */
  public FileDirectoryRegistry open(CliEnvironment environment) {
    return FileDirectoryRegistry.open(file(environment));
  }

  /** The home folder option. */
  public HomeOption home() {
    return home;
  }
}
