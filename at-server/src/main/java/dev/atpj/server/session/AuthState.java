package dev.atpj.server.session;

import dev.atpj.protocol.AtSign;

/** Who a connection has proven to be. */
public sealed interface AuthState {
  /** Nothing proven: sees public data only. */
  record Unauthenticated() implements AuthState {}

  /**
   * The server's own atSign, after {@code cram} or {@code pkam} (docs/protocol.md B5, B15).
   *
   * @param atSign the owner
   * @param cram whether it proved itself with the CRAM secret
   * @param enrollmentId the APKAM enrollment it authenticated as (or, after {@code cram}, the
   *     enrollment it then made), or null
   */
  record Owner(AtSign atSign, boolean cram, String enrollmentId) implements AuthState {
    /**
     * The owner after a legacy {@code pkam}.
     *
     * @param atSign the owner
     */
    public Owner(AtSign atSign) {
      this(atSign, false, null);
    }
  }

  /**
   * Another atSign, proven through its own atServer with {@code from} and {@code pol}.
   *
   * @param atSign the peer
   */
  record Peer(AtSign atSign) implements AuthState {}

  /** The unauthenticated state. */
  AuthState NONE = new Unauthenticated();

  /** Whether this is the owner. */
  default boolean isOwner() {
    return this instanceof Owner;
  }

  /** Whether this is a pol-authenticated peer. */
  default boolean isPeer() {
    return this instanceof Peer;
  }

  /** The prompt a connection in this state shows: {@code @}, {@code @alice@} or {@code @bob@}. */
  default String prompt() {
    if (this instanceof Owner owner) {
      return owner.atSign() + "@";
    }
    if (this instanceof Peer peer) {
      return peer.atSign() + "@";
    }
    return "@";
  }
}
