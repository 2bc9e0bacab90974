package dev.atpj.protocol.command;

/**
 * {@code notify:fetch:<id>}: a stored notification as JSON (B11).
 *
 * @param id the notification id
 */
public record NotifyFetch(String id) implements Command {
  /** Validates that an id without whitespace is given. */
  public NotifyFetch {
    Checks.word(id, "the notification id");
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY_FETCH;
  }

  @Override
  public String render() {
    return "notify:fetch:" + id;
  }
}
