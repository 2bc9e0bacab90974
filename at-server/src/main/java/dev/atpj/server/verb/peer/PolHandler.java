package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Pol;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.session.AuthState;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * {@code pol} (docs/protocol.md B5 step 6): after {@code from:@bob}, this server reads the cookie
 * {@code public:<sessionId>@bob} and {@code public:signing_publickey@bob} from bob's atServer and
 * checks that the cookie is bob's signature of the proof. Success makes the connection bob's
 * ({@code AuthState.Peer}) and answers only the prompt {@code @bob@}; a wrong or missing cookie
 * gives AT0401 and the connection stays open and as it was (Part A §8). The proof is used up either
 * way.
 */
public final class PolHandler implements VerbHandler<Pol> {
  private final Clock clock;
  private final Peers peers;

  /**
   * A handler with the services it uses.
   *
   * @param clock the clock
   * @param peers the server-to-server services
   */
  public PolHandler(Clock clock, Peers peers) {
    this.clock = clock;
    this.peers = peers;
  }

  @Override
  public Class<Pol> commandType() {
    return Pol.class;
  }

  @Override
  public CompletionStage<Reply> handle(Pol command, SessionContext session) {
    PendingPol pending = PendingPol.take(session, clock.instant());
    if (pending == null) {
      throw new AtException(
          AtErrorCode.UNAUTHENTICATED,
          "Pol Authentication Failed: send from:<your atSign> from your atServer first");
    }
    return peers
        .verifyPol(pending.atSign(), session.sessionId(), pending.proof())
        .thenApplyAsync(
            verified -> {
              session.auth(new AuthState.Peer(pending.atSign()));
              return new Reply.PromptOnly();
            },
            session.connection().executor());
  }
}
