package dev.atpj.cli;

import dev.atpj.cli.common.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns an invalid command line into one line on stderr naming the problem and where help is
 * ({@code atp: Unknown option: '--colour'; see atp up --help}), with exit code {@link
 * ExitCodes#USAGE}. The full usage is printed only when asked for with {@code --help}.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    PrintWriter err = command.getErr();
    String problem = ErrorHandler.oneLine(String.valueOf(failure.getMessage()));
    String suggestion = suggestion(failure);
    err.println(
        "atp: "
            + problem
            + suggestion
            + "; see "
            + command.getCommandSpec().qualifiedName()
            + " --help");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Picocli's "did you mean" for a mistyped option or command, on the same line. */
  private static String suggestion(ParameterException failure) {
    if (failure instanceof UnmatchedArgumentException unmatched) {
      var suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        return " (did you mean " + String.join(" or ", suggestions) + "?)";
      }
    }
    return "";
  }
}
