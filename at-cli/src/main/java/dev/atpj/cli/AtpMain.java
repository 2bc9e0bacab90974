package dev.atpj.cli;

import picocli.CommandLine;

/** The {@code atp} command line's entry point: the project's only {@code main}. */
public final class AtpMain {
  private AtpMain() {}

  /**
   * Runs a command and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    if (asksOnlyForVersion(args)) {
      // The answer needs no command tree: building it loads every command's classes.
      for (String line : VersionProvider.lines()) {
        System.out.println(line);
      }
      System.exit(0);
    }
    System.exit(commandLine(CliEnvironment.system()).execute(args));
  }

  /** Whether the command line is exactly {@code --version} (or {@code -V}). */
  static boolean asksOnlyForVersion(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * The configured command line: commands get the environment, errors become one line on stderr and
   * an exit code ({@link ExitCodes}). Tests call this with their own environment and {@code
   * setOut}/{@code setErr}.
   *
   * @param environment what commands may read from the process
   * @return the command line, ready to {@code execute}
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    AtpCommand root = new AtpCommand();
    CommandLine commandLine = new CommandLine(root, new CommandFactory(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(root));
    commandLine.setExitCodeExceptionMapper(ExitCodes::of);
    shareVersion(commandLine, new VersionProvider());
    return commandLine;
  }

  /** Lets {@code --version} of every subcommand print the build's version too. */
  private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
    command.getCommandSpec().versionProvider(version);
    command.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
  }
}
