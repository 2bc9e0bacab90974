package dev.atpj.server.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One option of the configuration file.
 *
 * @param name its name in the file and on the command line, e.g. {@code sync.pageLimit}
 * @param type its value type
 * @param defaultValue its default as text, or null when it must be given
 * @param description what it does
 */
public record Setting(String name, SettingType type, String defaultValue, String description) {
  /** Validates. */
  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** Whether the option must be given (it has no default). */
  public boolean required() {
    return defaultValue == null;
  }

  /**
   * The environment variable that overrides it: {@code ATPJ_} and the name in upper snake case,
   * e.g. {@code sync.pageLimit} → {@code ATPJ_SYNC_PAGE_LIMIT}.
   */
  public String environmentName() {
    return "ATPJ_"
        + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
