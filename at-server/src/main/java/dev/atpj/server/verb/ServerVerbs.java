package dev.atpj.server.verb;

import dev.atpj.server.verb.basic.InfoHandler;
import dev.atpj.server.verb.basic.NoopHandler;
import java.util.List;

/** The verbs this atServer implements: one line per verb, in the protocol's order. */
public final class ServerVerbs {
  private ServerVerbs() {}

  /** Every handler. */
  public static List<VerbHandler<?>> all() {
    return List.of(new InfoHandler(), new NoopHandler());
  }
}
