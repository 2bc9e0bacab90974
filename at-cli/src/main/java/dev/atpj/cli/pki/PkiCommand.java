package dev.atpj.cli.pki;

import picocli.CommandLine.Command;

/** {@code atp pki}: the home folder's private CA and server certificates. */
@Command(
    name = "pki",
    header = "Private CA and server certificates for running servers by hand.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Manages the private CA of a home folder (<home>/pki) and the server certificates it issues,"
          + " for running servers by hand. `atp up` uses the same CA.",
      ""
    },
    subcommands = {PkiInitCommand.class, PkiIssueCommand.class, PkiShowCommand.class})
public final class PkiCommand {}
