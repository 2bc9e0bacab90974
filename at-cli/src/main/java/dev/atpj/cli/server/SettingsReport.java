package dev.atpj.cli.server;

import dev.atpj.server.config.ServerSettings;
import dev.atpj.server.config.Setting;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code atp server --print-config}: every setting's effective value and where it came from
 * (command line, environment variable, file or default), secrets masked.
 */
final class SettingsReport {
  /** Settings whose values are never printed. */
  static final Set<String> SECRETS = Set.of("cramSecret");

  static final String MASK = "********";

  private static final int MAX_VALUE_WIDTH = 56;

  private SettingsReport() {}

  static void print(
      PrintWriter out, ServerSettings settings, Path configFile, Map<String, String> options) {
    out.println(
        "# effective atServer configuration; precedence: command line > environment > "
            + (configFile == null ? "file (none given)" : configFile)
            + " > default");
    int width = ServerSettings.SETTINGS.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    int valueWidth =
        Math.min(
            MAX_VALUE_WIDTH,
            ServerSettings.SETTINGS.stream()
                .mapToInt(s -> value(settings, s).length())
                .max()
                .orElse(0));
    for (Setting s : ServerSettings.SETTINGS) {
      String value = value(settings, s);
      out.printf(
          "%-" + width + "s  %-" + valueWidth + "s  %s%n",
          s.name(),
          value.isEmpty() ? "(empty)" : value,
          source(settings.source(s.name()), s, options));
    }
    out.flush();
  }

  /** A setting's value as shown: secrets masked. */
  static String value(ServerSettings settings, Setting s) {
    String value = settings.get(s.name());
    return SECRETS.contains(s.name()) && !value.isEmpty() ? MASK : value;
  }

  private static String source(ServerSettings.Source source, Setting s, Map<String, String> opts) {
    return switch (source) {
      case DEFAULT -> "default";
      case FILE -> "file";
      case ENVIRONMENT -> "env " + s.environmentName();
      case COMMAND_LINE -> "cli " + opts.getOrDefault(s.name(), "--set " + s.name());
    };
  }
}
