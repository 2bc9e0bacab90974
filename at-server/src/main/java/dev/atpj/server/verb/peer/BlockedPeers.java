package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.server.peer.BlockList;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;

/**
 * Applies the block list to connections that authenticated before the atSign was blocked: their
 * next request is refused like a blocked {@code from} (AT0013, connection closed; docs/protocol.md
 * B13).
 */
public final class BlockedPeers {
  private final BlockList blockList;

  /**
   * Built once, with the services it uses.
   *
   * @param blockList the blocked atSigns
   */
  public BlockedPeers(BlockList blockList) {
    this.blockList = blockList;
  }

  /**
   * Refuses a request of a pol-authenticated atSign that is now blocked.
   *
   * @param session the connection
   * @throws AtException AT0013 when the connection's atSign is blocked
   */
  public void refuseIfBlocked(SessionContext session) {
    if (session.auth() instanceof AuthState.Peer peer && blockList.isBlocked(peer.atSign())) {
      throw new AtException(AtErrorCode.BLOCKED_CONNECTION, "Unable to connect");
    }
  }
}
