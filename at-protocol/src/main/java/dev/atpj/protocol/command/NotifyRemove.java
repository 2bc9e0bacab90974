package dev.atpj.protocol.command;

/**
 * {@code notify:remove:<id>}: remove a stored notification (B11).
 *
 * @param id the notification id
 */
public record NotifyRemove(String id) implements Command {
  /** Validates that an id without whitespace is given. */
  public NotifyRemove {
    Checks.word(id, "the notification id");
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY_REMOVE;
  }

  @Override
  public String render() {
    return "notify:remove:" + id;
  }
}
