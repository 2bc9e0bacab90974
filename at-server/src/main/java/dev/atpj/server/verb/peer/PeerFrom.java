package dev.atpj.server.verb.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.From;
import dev.atpj.server.auth.Challenge;
import dev.atpj.server.core.LatencyLog;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from:<other atSign>}: the start of server-to-server authentication (docs/protocol.md Part
 * A §8, B5 step 3). A blocked atSign gets AT0013 and the connection closes. Unless client
 * certificates are not required, the connection's client certificate must name the host the
 * atDirectory gives for the atSign and chain to a trusted CA; otherwise {@code AT0401 … Certificate
 * Verification Failed} and the connection closes (whitepaper). An atSign the directory does not
 * know gets AT0007 and the connection stays open. Then a random proof is kept for {@code pol} and
 * answered as {@code proof:<sessionId><atSign>:<proof>}; the prompt stays {@code @}.
 */
public final class PeerFrom {
  private static final Logger LOG = LoggerFactory.getLogger(PeerFrom.class);
  static final String CERTIFICATE_FAILED = "Certificate Verification Failed";

  private final AtSign me;
  private final Clock clock;
  private final Peers peers;

  /**
   * Built once, with the services it uses.
   *
   * @param me the atSign this server serves
   * @param clock the clock
   * @param peers the server-to-server services
   */
  public PeerFrom(AtSign me, Clock clock, Peers peers) {
    this.me = me;
    this.clock = clock;
    this.peers = peers;
  }

  /**
   * Handles {@code from} of an atSign other than the server's.
   *
   * @param command the command
   * @param session the connection
   * @return the proof, or an error
   */
  public CompletionStage<Reply> handle(From command, SessionContext session) {
    AtSign other = command.atSign();
    Challenge.clear(session);
    PendingPol.clear(session);
    if (peers.blockList().isBlocked(other)) {
      LOG.info("{} refused from:{} (blocked)", me, other);
      throw new AtException(AtErrorCode.BLOCKED_CONNECTION, "Unable to connect");
    }
    if (!peers.config().clientCertificateRequired()) {
      return CompletableFuture.completedFuture(issue(session, other));
    }
    List<X509Certificate> chain = session.connection().peerCertificates();
    if (chain.isEmpty()) {
      throw certificateFailed(session, other, "no client certificate");
    }
    long started = System.nanoTime();
    return peers
        .locate(other)
        .thenApplyAsync(
            endpoint -> {
              LatencyLog.step("from: located and ready to check", other, started);
              if (!peers.acceptsCertificate(chain, endpoint.host())) {
                throw certificateFailed(
                    session, other, "the certificate does not name " + endpoint.host());
              }
              return issue(session, other);
            },
            session.connection().executor());
  }

  /**
   * Drops a proof still waiting for {@code pol}, when the connection claims its own atSign instead.
   *
   * @param session the connection
   */
  public static void forget(SessionContext session) {
    PendingPol.clear(session);
  }

  private Reply issue(SessionContext session, AtSign other) {
    String proof = UUID.randomUUID().toString();
    PendingPol.issue(session, other, proof, clock.instant());
    peers.prefetchSigningKey(other);
    return Reply.data("proof:" + session.sessionId() + other + ":" + proof);
  }

  private AtException certificateFailed(SessionContext session, AtSign other, String why) {
    LOG.info("{} refused from:{} on {}: {}", me, other, session.connection(), why);
    session.closeAfterReply();
    return new AtException(AtErrorCode.UNAUTHENTICATED, CERTIFICATE_FAILED);
  }
}
