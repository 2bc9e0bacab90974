package dev.atpj.protocol.command;

/**
 * {@code info[:brief]}: server version and uptime (B13).
 *
 * @param brief whether the short form was asked for
 */
public record Info(boolean brief) implements Command {
  @Override
  public Verb verb() {
    return Verb.INFO;
  }

  @Override
  public String render() {
    return brief ? "info:brief" : "info";
  }
}
