package dev.atpj.cli.common;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What commands may read from the process, in one place so that tests can replace it: environment
 * variables, the user's home folder, and how a foreground command learns it should stop.
 *
 * @param variables the environment variables
 * @param userHome the user's home folder
 * @param stopSignals how {@code up} waits for SIGINT/SIGTERM (tests stop it by hand)
 */
public record CliEnvironment(
    Map<String, String> variables, Path userHome, StopSignals stopSignals) {
  /** The environment variable that overrides the default home folder. */
  public static final String HOME_VARIABLE = "ATPJ_HOME";

  /** The default home folder's name inside the user's home. */
  public static final String DEFAULT_HOME_NAME = ".atpj";

  /** Checks that every part is present. */
  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(stopSignals, "stopSignals");
  }

  /** The real process: its environment, {@code user.home}, and JVM shutdown hooks. */
  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home")), new JvmStopSignals());
  }

  /** The home folder when {@code --home} is not given: {@code $ATPJ_HOME}, else {@code ~/.atpj}. */
  public Path defaultHome() {
    String fromVariable = variables.get(HOME_VARIABLE);
    Path home =
        fromVariable == null || fromVariable.isBlank()
            ? userHome.resolve(DEFAULT_HOME_NAME)
            : Path.of(fromVariable);
    return home.toAbsolutePath().normalize();
  }

  /**
   * The home folder to use.
   *
   * @param option the {@code --home} value, or null
   * @return the option made absolute, or {@link #defaultHome()}
   */
  public Path home(Path option) {
    return option == null ? defaultHome() : option.toAbsolutePath().normalize();
  }
}
