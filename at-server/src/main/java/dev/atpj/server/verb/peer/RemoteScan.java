package dev.atpj.server.verb.peer;

import dev.atpj.protocol.command.Scan;
import dev.atpj.server.peer.Access;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.verb.Reply;
import java.util.concurrent.CompletionStage;

/**
 * The owner's {@code scan:@other[ <regex>]} (docs/protocol.md B10): the other atServer's scan, as
 * it answers a connection pol-authenticated as this atSign (the keys it shares with this atSign,
 * without their {@code @me:} prefix), relayed as it is.
 */
public final class RemoteScan {
  private final Peers peers;

  /**
   * Built once, with the services it uses.
   *
   * @param peers the server-to-server services
   */
  public RemoteScan(Peers peers) {
    this.peers = peers;
  }

  /**
   * Relays a scan of another atSign's keys.
   *
   * @param command the command, naming another atSign
   * @return the other atServer's JSON list
   */
  public CompletionStage<Reply> handle(Scan command) {
    String relayed = new Scan(command.showHidden(), null, command.page(), command.regex()).render();
    return peers
        .request(
            command.forAtSign(), Access.AUTHENTICATED, relayed, peers.config().requestTimeout())
        .thenApply(Reply::data);
  }
}
