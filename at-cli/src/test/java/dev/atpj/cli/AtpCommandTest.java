package dev.atpj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.cli.common.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

class AtpCommandTest {
  @TempDir Path userHome;

  private CliRunner atp() {
    return new CliRunner(userHome);
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Result result = atp().run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("up ", "lookup ", "directory ", "pki ", "Exit codes:", "--verbose");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void noCommandIsAUsageError() {
    Result result = atp().run();
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).isEqualTo("atp: Missing required subcommand; see atp --help\n");
  }

  @Test
  void aUsageErrorIsOneLineWithAHintNotTheWholeHelp() {
    Result missing = atp().run("get", "--as", "@alice");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .isEqualTo("atp: Missing required parameter: 'KEY'; see atp get --help\n");
    Result typo = atp().run("directory", "serve", "--prot", "1");
    assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err())
        .startsWith("atp: Unknown options: '--prot', '1'")
        .endsWith("; see atp directory serve --help\n")
        .hasLineCount(1);
    assertThat(typo.out()).isEmpty();
  }

  @Test
  void anArgumentStartingWithAtIsNeverReadAsAFile() throws Exception {
    Path file = Files.writeString(userHome.resolve("bob"), "--version\n");
    Result result = atp().run("lookup", "@" + file);
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("atp: Invalid value for positional parameter")
        .hasLineCount(1);
    assertThat(AtpMain.commandLine(CliEnvironment.system()).isExpandAtFiles()).isFalse();
  }

  /** One bad value per kind of option: what a user may type that is out of range. */
  private static final Map<String, List<String>> BAD_VALUES =
      Map.of(
          "PORT", List.of("99999", "-1", "http"),
          "N", List.of("0", "-3", "many"),
          "REGEX", List.of("[unclosed", "a(b"),
          "DURATION", List.of("99999999999d", "-5s", "soon"),
          "@NAME", List.of("@a:b", "@"),
          "EPOCH_MILLIS", List.of("-1", "yesterday"),
          "HOST:PORT", List.of("localhost:99999", "nohost"));

  /** Valid values for the positional parameters before the one under test. */
  private static final Map<String, String> GOOD_VALUES = Map.of("@NAME", "@alice");

  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    commandPaths()
        .forEach(
            path -> {
              CommandLine command = command(path);
              for (var arg : command.getCommandSpec().args()) {
                List<String> values = BAD_VALUES.get(arg.paramLabel());
                if (values == null) {
                  continue;
                }
                for (String value : values) {
                  List<String> args = new ArrayList<>(List.of(path.split(" ")));
                  if (arg instanceof CommandLine.Model.OptionSpec option) {
                    args.add(option.longestName());
                  } else {
                    command.getCommandSpec().positionalParameters().stream()
                        .filter(p -> p.index().max() < ((PositionalParamSpec) arg).index().min())
                        .forEach(p -> args.add(GOOD_VALUES.get(p.paramLabel())));
                  }
                  args.add(value);
                  cases.add(Arguments.of(String.join(" ", args), args, value));
                }
              }
            });
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void everyOutOfRangeValueIsAOneLineUsageError(String line, List<String> args, String value) {
    Result result = atp().run(args.toArray(String[]::new));
    assertThat(result.err()).as(line).contains(value).hasLineCount(1);
    assertThat(result.exitCode()).as(line + ": " + result.err()).isEqualTo(ExitCodes.USAGE);
  }

  private static CommandLine command(String path) {
    CommandLine command = AtpMain.commandLine(CliEnvironment.system());
    for (String name : path.split(" ")) {
      command = command.getSubcommands().get(name);
    }
    return command;
  }

  @Test
  void anUnknownCommandOrOptionIsAUsageError() {
    assertThat(atp().run("down").exitCode()).isEqualTo(ExitCodes.USAGE);
    Result result = atp().run("up", "--colour");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void versionNamesTheBuild() {
    Result result = atp().run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("atp (atpj) " + VersionProvider.version() + "\n");
    assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(atp().run("directory", "serve", "--version").out()).startsWith("atp (atpj) ");
  }

  @Test
  void completionPrintsAScriptForBashAndZsh() {
    Result bash = atp().run("completion", "bash");
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .contains("complete -F _complete_atp", "get", "monitor", "--log-format", "bashcompinit");
    assertThat(atp().run("completion", "zsh").out()).isEqualTo(bash.out());
    assertThat(atp().run("completion", "fish").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void logLevelAndFormatChangeWhatServersReport() {
    try {
      assertThat(atp().run("--log-level", "info", "--log-format", "json", "--help").exitCode())
          .isZero();
      assertThat(Logging.destination()).endsWith(" (json, INFO and above)");
      assertThat(atp().run("--log-format", "text", "--log-level", "error", "--help").exitCode())
          .isZero();
      assertThat(Logging.destination()).endsWith(" (text, ERROR and above)");
      assertThat(atp().run("--log-level", "loud", "--help").exitCode()).isEqualTo(ExitCodes.USAGE);
    } finally {
      Logging.format(Logging.Format.TEXT);
      Logging.verbose(false);
    }
    assertThat(Logging.destination()).endsWith(" (text, WARN and above)");
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(AtpMain.subcommandsFor(new String[] {"get", "--as", "@bob", "k"}))
        .containsExactly(dev.atpj.cli.client.GetCommand.class);
    assertThat(AtpMain.subcommandsFor(new String[] {"completion", "bash"}))
        .isEqualTo(AtpCommand.SUBCOMMANDS);
    assertThat(AtpMain.subcommandsFor(new String[] {"help", "get"}))
        .isEqualTo(AtpCommand.SUBCOMMANDS);
    assertThat(AtpMain.subcommandsFor(new String[] {"--verbose", "get"}))
        .isEqualTo(AtpCommand.SUBCOMMANDS);
    assertThat(AtpMain.subcommandsFor(new String[] {"down"})).isEqualTo(AtpCommand.SUBCOMMANDS);
    CommandLine get = AtpMain.commandLine(CliEnvironment.system(), new String[] {"get", "--help"});
    assertThat(get.getSubcommands()).containsOnlyKeys("get");
    assertThat(get.getSubcommands().get("get").getCommandSpec().findOption("--log-format"))
        .as("inherited options reach a lazily added command")
        .isNotNull();
  }

  @Test
  void onlyABareVersionTakesTheShortPath() {
    assertThat(AtpMain.asksOnlyForVersion(new String[] {"--version"})).isTrue();
    assertThat(AtpMain.asksOnlyForVersion(new String[] {"-V"})).isTrue();
    assertThat(AtpMain.asksOnlyForVersion(new String[] {"up", "--version"})).isFalse();
    assertThat(AtpMain.asksOnlyForVersion(new String[] {})).isFalse();
  }

  static Stream<String> commandPaths() {
    List<String> paths = new ArrayList<>();
    collect(AtpMain.commandLine(CliEnvironment.system()), "", paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, String prefix, List<String> paths) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return;
              }
              String path = (prefix + " " + name).trim();
              paths.add(path);
              collect(sub, path, paths);
            });
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandExplainsItselfAndItsOptions(String path) {
    List<String> args = new ArrayList<>(List.of(path.split(" ")));
    args.add("--help");
    Result result = atp().run(args.toArray(String[]::new));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: atp " + path);
    CommandLine command = AtpMain.commandLine(CliEnvironment.system());
    for (String name : path.split(" ")) {
      command = command.getSubcommands().get(name);
    }
    command
        .getCommandSpec()
        .options()
        .forEach(
            option ->
                assertThat(String.join(" ", option.description()))
                    .as("description of %s in %s", option.longestName(), path)
                    .isNotBlank());
    assertThat(command.getCommandSpec().usageMessage().header())
        .as("one-line header of %s", path)
        .isNotEmpty();
  }

  @Test
  void theCommandTreeIsComplete() {
    assertThat(commandPaths())
        .contains(
            "up",
            "lookup",
            "directory serve",
            "directory add",
            "directory remove",
            "directory list",
            "pki init",
            "pki issue",
            "pki show");
  }
}
