package dev.atpj.cli.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --replica DIR}: work on a local replica of the atSign's data (RocksDB in DIR) instead of
 * the atServer; changes reach the atServer with {@code atp sync}.
 */
public final class ReplicaOption {
  @Option(
      names = "--replica",
      paramLabel = "DIR",
      description =
          "Work on a local replica in DIR (offline): own data is read and written there, and `atp"
              + " sync --replica DIR` exchanges changes with the atServer.")
  Path replica;

  /**
   * Opens a session on the target, with the replica when one was named.
   *
   * @param options the target options
   * @param target the resolved target
   * @return the session
   */
  ClientSession open(TargetOptions options, TargetOptions.Target target) {
    return ClientSession.open(options, target, replica);
  }
}
