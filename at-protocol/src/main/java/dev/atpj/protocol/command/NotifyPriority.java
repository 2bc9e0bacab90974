package dev.atpj.protocol.command;

import java.util.Optional;

/** Delivery priority of a notification (default low). */
public enum NotifyPriority {
  /** {@code low}. */
  LOW("low"),
  /** {@code medium}. */
  MEDIUM("medium"),
  /** {@code high}. */
  HIGH("high");

  private final String wireName;

  NotifyPriority(String wireName) {
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
  public static Optional<NotifyPriority> fromWireName(String text) {
    for (NotifyPriority value : values()) {
      if (value.wireName.equalsIgnoreCase(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
