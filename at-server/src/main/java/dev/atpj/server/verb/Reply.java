package dev.atpj.server.verb;

/**
 * What a verb handler answers; the session renders it with the protocol's renderer and appends the
 * prompt. Failures are not replies: handlers throw (or complete exceptionally with) {@link
 * dev.atpj.protocol.AtException}.
 */
public sealed interface Reply {
  /**
   * {@code data:<payload>}; a null payload renders {@code data:null}.
   *
   * @param payload the payload
   */
  record Data(String payload) implements Reply {}

  /**
   * {@code data: <json>} (with a space), the form {@code stats} uses.
   *
   * @param json the JSON payload
   */
  record StatsData(String json) implements Reply {}

  /** Only the prompt, as after a successful {@code pol}. */
  record PromptOnly() implements Reply {}

  /** Nothing at all, not even a prompt, as after {@code monitor}. */
  record Silent() implements Reply {}

  /** A data reply. */
  static Reply data(String payload) {
    return new Data(payload);
  }

  /** A data reply of a number, e.g. a commit id. */
  static Reply data(long number) {
    return new Data(Long.toString(number));
  }
}
