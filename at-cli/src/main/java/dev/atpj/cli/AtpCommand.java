package dev.atpj.cli;

import dev.atpj.cli.bench.BenchCommand;
import dev.atpj.cli.client.DeleteCommand;
import dev.atpj.cli.client.GetCommand;
import dev.atpj.cli.client.KeysCommand;
import dev.atpj.cli.client.MonitorCommand;
import dev.atpj.cli.client.NotifyCommand;
import dev.atpj.cli.client.OnboardCommand;
import dev.atpj.cli.client.PutCommand;
import dev.atpj.cli.client.RawCommand;
import dev.atpj.cli.client.ReplCommand;
import dev.atpj.cli.client.ScanCommand;
import dev.atpj.cli.client.SyncCommand;
import dev.atpj.cli.common.Logging;
import dev.atpj.cli.directory.DirectoryCommand;
import dev.atpj.cli.pki.PkiCommand;
import dev.atpj.cli.server.ServerCommand;
import dev.atpj.cli.up.UpCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code atp}: the top-level command, which only lists the subcommands. */
@Command(
    name = "atp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    header = "atpj: a private atPlatform (atDirectory + atServers) and its tools.",
    description = {
      "Start with `atp up`: one command that runs an atDirectory and one atServer per atSign on"
          + " this machine, with TLS and a private CA, and onboards every atSign.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  unexpected failure (run with --verbose for the stack trace)",
      "  2  invalid command line",
      "  3  a problem with files, ports or settings (the message says which)",
      "  4  an atDirectory or atServer answered with an error, or could not be reached",
      "",
      "Files live under --home (default: $ATPJ_HOME, else ~/.atpj)."
    })
public final class AtpCommand {
  /**
   * Every subcommand, in the order {@code --help} lists them. {@link AtpMain} registers them all,
   * or only the one a command line names (building a command's model loads its classes).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          UpCommand.class,
          LookupCommand.class,
          DirectoryCommand.class,
          PkiCommand.class,
          OnboardCommand.class,
          KeysCommand.class,
          PutCommand.class,
          GetCommand.class,
          DeleteCommand.class,
          ScanCommand.class,
          NotifyCommand.class,
          MonitorCommand.class,
          SyncCommand.class,
          CompletionCommand.class,
          RawCommand.class,
          ReplCommand.class,
          ServerCommand.class,
          BenchCommand.class,
          picocli.CommandLine.HelpCommand.class);

  private boolean verbose;

  /**
   * Shows stack traces of errors and more logging.
   *
   * @param value whether to be verbose
   */
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors and log more.")
  public void verbose(boolean value) {
    verbose = value;
    Logging.verbose(value);
  }

  /**
   * Sets the log level of the whole process.
   *
   * @param level the lowest level logged
   */
  @Option(
      names = "--log-level",
      scope = ScopeType.INHERIT,
      paramLabel = "LEVEL",
      description = "Log this level and above: ${COMPLETION-CANDIDATES} (default: WARN).")
  public void logLevel(Logging.LogLevel level) {
    Logging.level(level);
  }

  /**
   * Sets how log lines look.
   *
   * @param format text lines or JSON objects
   */
  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "Log lines as text or json (one JSON object per line; default: text).")
  public void logFormat(Logging.Format format) {
    Logging.format(format);
  }

  /** Whether {@code --verbose} was given. */
  public boolean isVerbose() {
    return verbose;
  }
}
