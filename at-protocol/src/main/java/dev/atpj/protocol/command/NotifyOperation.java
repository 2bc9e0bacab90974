package dev.atpj.protocol.command;

import java.util.Optional;

/** What a notification reports: a key was updated (the default) or deleted. */
public enum NotifyOperation {
  /** {@code update}. */
  UPDATE("update"),
  /** {@code delete}. */
  DELETE("delete");

  private final String wireName;

  NotifyOperation(String wireName) {
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
  public static Optional<NotifyOperation> fromWireName(String text) {
    for (NotifyOperation value : values()) {
      if (value.wireName.equalsIgnoreCase(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
