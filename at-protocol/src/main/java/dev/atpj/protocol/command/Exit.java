package dev.atpj.protocol.command;

/** {@code @exit}: close the connection without a reply (B1). */
public record Exit() implements Command {
  @Override
  public Verb verb() {
    return Verb.EXIT;
  }

  @Override
  public String render() {
    return "@exit";
  }
}
