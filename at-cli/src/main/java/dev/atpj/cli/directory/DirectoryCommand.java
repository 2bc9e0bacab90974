package dev.atpj.cli.directory;

import picocli.CommandLine.Command;

/** {@code atp directory}: run an atDirectory and edit its registry. */
@Command(
    name = "directory",
    header = "Run an atDirectory; add, remove and list its atSigns.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Runs an atDirectory, and edits the registry file it answers from (a running directory"
          + " picks up changes within a second). The registry of `atp up` is <home>/directory.json,"
          + " the default here.",
      ""
    },
    subcommands = {
      DirectoryServeCommand.class,
      DirectoryAddCommand.class,
      DirectoryRemoveCommand.class,
      DirectoryListCommand.class
    })
public final class DirectoryCommand {}
