package dev.atpj.protocol.command;

import java.util.Optional;

/** Which queued notifications to deliver: all (the default) or only the latest N per notifier. */
public enum NotifyStrategy {
  /** {@code all}. */
  ALL("all"),
  /** {@code latest}. */
  LATEST("latest");

  private final String wireName;

  NotifyStrategy(String wireName) {
    this.wireName = wireName;
  }

  /** The value as written on the wire. */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks a wire value up, ignoring case.
   *
   * @param text the wire value
   * @return the constant, or empty when unknown
   */
  public static Optional<NotifyStrategy> fromWireName(String text) {
    for (NotifyStrategy value : values()) {
      if (value.wireName.equalsIgnoreCase(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
