package dev.atpj.protocol.command;

/**
 * {@code notify:status:<id>}: the delivery status of a sent notification: delivered, queued,
 * errored or expired (B11).
 *
 * @param id the notification id
 */
public record NotifyStatus(String id) implements Command {
  /** Validates that an id without whitespace is given. */
  public NotifyStatus {
    Checks.word(id, "the notification id");
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY_STATUS;
  }

  @Override
  public String render() {
    return "notify:status:" + id;
  }
}
