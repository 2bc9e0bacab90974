package dev.atpj.protocol.reply;

/**
 * A {@code data:} reply.
 *
 * @param payload everything after {@code data:}, unchanged (the {@code stats} reply keeps its
 *     leading space); the literal {@code null} stays the text {@code "null"}
 */
public record DataReply(String payload) implements Reply {
  /** Whether the payload is the literal {@code null}. */
  public boolean isNull() {
    return "null".equals(payload);
  }
}
