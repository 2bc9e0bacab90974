package dev.atpj.cli.client;

import picocli.CommandLine.Command;

/** {@code atp keys show|export}: an atSign's keys file. */
@Command(
    name = "keys",
    header = "Show or export an atSign's keys.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    subcommands = {KeysShowCommand.class, KeysExportCommand.class},
    description = {"Shows or exports the atKeys file of the atSign of --as.", ""})
public final class KeysCommand {}
