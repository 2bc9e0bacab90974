package dev.atpj.protocol.command;

import java.util.Optional;

/** What a notification carries: a key (the default) or a text message. */
public enum MessageType {
  /** {@code key}. */
  KEY("key"),
  /** {@code text}. */
  TEXT("text");

  private final String wireName;

  MessageType(String wireName) {
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
  public static Optional<MessageType> fromWireName(String text) {
    for (MessageType value : values()) {
      if (value.wireName.equalsIgnoreCase(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
