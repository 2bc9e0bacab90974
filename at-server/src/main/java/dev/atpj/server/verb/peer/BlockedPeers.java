package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;

/**
 * Applies the block list to connections that authenticated before the atSign was blocked: their
 * next request is refused like a blocked {@code from} (AT0013, connection closed; docs/protocol.md
 * B13).
 */
public final class BlockedPeers {
  private BlockedPeers() {}

  /**
   * Refuses a request of a pol-authenticated atSign that is now blocked.
   *
   * @param session the connection
   * @throws AtException AT0013 when the connection's atSign is blocked
   */
  public static void refuseIfBlocked(SessionContext session) {
    Peers peers = session.server().peers();
    if (session.auth() instanceof AuthState.Peer peer
        && peers != null
        && peers.blockList().isBlocked(peer.atSign())) {
      throw new AtException(AtErrorCode.BLOCKED_CONNECTION, "Unable to connect");
    }
  }
}
