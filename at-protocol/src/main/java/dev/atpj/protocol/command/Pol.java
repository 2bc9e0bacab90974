package dev.atpj.protocol.command;

/** {@code pol}: finish server-to-server authentication after {@code from:<other atSign>} (B5). */
public record Pol() implements Command {
  @Override
  public Verb verb() {
    return Verb.POL;
  }

  @Override
  public String render() {
    return "pol";
  }
}
