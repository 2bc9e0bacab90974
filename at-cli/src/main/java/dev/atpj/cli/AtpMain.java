package dev.atpj.cli;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    System.exit(commandLine(CliEnvironment.system(), args).execute(args));
  }

  /** Whether the command line is exactly {@code --version} (or {@code -V}). */
  static boolean asksOnlyForVersion(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * The configured command line: commands get the environment, errors become one line on stderr and
   * an exit code ({@link ExitCodes}). Arguments are taken as typed: picocli's {@code @FILE}
   * expansion is off, since {@code @bob} is an atSign, never a file. Tests call this with their own
   * environment and {@code setOut}/{@code setErr}.
   *
   * @param environment what commands may read from the process
   * @return the command line, ready to {@code execute}
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, AtpCommand.SUBCOMMANDS);
  }

  /**
   * The command line for one run: when its first word names a command, only that command is
   * registered (its model alone is built); otherwise every command is.
   *
   * @param environment what commands may read from the process
   * @param args the command line to be run
   * @return the command line, ready to {@code execute(args)}
   */
  static CommandLine commandLine(CliEnvironment environment, String[] args) {
    return commandLine(environment, subcommandsFor(args));
  }

  /** The subcommand classes a command line needs: the one it names first, else all. */
  static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length == 0 || args[0].startsWith("-")) {
      return AtpCommand.SUBCOMMANDS;
    }
    for (Class<?> type : AtpCommand.SUBCOMMANDS) {
      Command command = type.getAnnotation(Command.class);
      // help and completion describe every command, so they need all of them.
      if (command != null
          && type != CommandLine.HelpCommand.class
          && type != CompletionCommand.class
          && command.name().equals(args[0])) {
        return List.of(type);
      }
    }
    return AtpCommand.SUBCOMMANDS;
  }

  private static CommandLine commandLine(CliEnvironment environment, List<Class<?>> subcommands) {
    AtpCommand root = new AtpCommand();
    CommandFactory factory = new CommandFactory(environment);
    CommandLine commandLine = new CommandLine(root, factory);
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(new CommandLine(subcommand, factory));
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
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
