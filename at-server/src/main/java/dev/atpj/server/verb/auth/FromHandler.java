package dev.atpj.server.verb.auth;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.From;
import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.server.auth.Challenge;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.server.verb.peer.PeerFrom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code from:<atSign>[:clientConfig:<json>]} (docs/protocol.md B5).
 *
 * <p>For the server's own atSign it answers the challenge {@code <sessionId><atSign>:<uuid>} and
 * keeps it in the connection's state for {@link Challenge#LIFETIME}; the prompt and any
 * authentication already gained stay as they are ({@code from} again after {@code cram} is how
 * at_java moves on to {@code pkam}). A {@code clientConfig} with a version above 3.0.37 switches
 * the connection to JSON errors, one with an older or no version back to text errors.
 *
 * <p>{@code from} of another atSign starts server-to-server authentication (block list, client
 * certificate check, proof for {@code pol}): see {@link PeerFrom}.
 */
public final class FromHandler implements VerbHandler<From> {
  private final AtSign me;
  private final Clock clock;
  private final PeerFrom peerFrom;

  /**
   * A handler with the services it uses.
   *
   * @param me the atSign this server serves
   * @param clock the clock
   * @param peerFrom answers from of other atSigns
   */
  public FromHandler(AtSign me, Clock clock, PeerFrom peerFrom) {
    this.me = me;
    this.clock = clock;
    this.peerFrom = peerFrom;
  }

  @Override
  public Class<From> commandType() {
    return From.class;
  }

  @Override
  public CompletionStage<Reply> handle(From command, SessionContext session) {
    if (command.clientConfigJson() != null) {
      session.errorFormat(command.wantsJsonErrors() ? ErrorFormat.JSON : ErrorFormat.LEGACY_TEXT);
    }
    if (!command.atSign().equals(me)) {
      return peerFrom.handle(command, session);
    }
    PeerFrom.forget(session);
    String challenge = session.sessionId() + me + ":" + UUID.randomUUID();
    Challenge.issue(session, challenge, clock.instant());
    return CompletableFuture.completedFuture(Reply.data(challenge));
  }
}
