package dev.atpj.server.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.LatencyLog;
import dev.atpj.server.core.LineClient;
import java.security.PrivateKey;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The caller's side of server-to-server authentication (docs/protocol.md B5 pol, steps 3–5) on a
 * fresh connection: {@code from:@me}; the answer {@code proof:<sessionId>@me:<proof>} is signed
 * with this atServer's signing private key and placed as the cookie {@code public:<sessionId>@me}
 * (in the {@link CookieJar}); {@code pol}, whose success is the prompt {@code @me@} alone. The
 * cookie is removed once {@code pol} is answered.
 */
final class PeerHandshake {
  private final AtSign me;
  private final AtCrypto crypto;
  private final Supplier<PrivateKey> signingKey;
  private final CookieJar cookies;
  private final PeerConfig config;

  PeerHandshake(
      AtSign me,
      AtCrypto crypto,
      Supplier<PrivateKey> signingKey,
      CookieJar cookies,
      PeerConfig config) {
    this.me = me;
    this.crypto = crypto;
    this.signingKey = signingKey;
    this.cookies = cookies;
    this.config = config;
  }

  /**
   * Authenticates a connection as this atServer's atSign.
   *
   * @param peer the atSign whose atServer the connection reaches
   * @param client the connection
   * @return completes when the connection is pol-authenticated; fails with AT0008 (or AT0013 when
   *     the peer blocks this atSign, AT0023 when it does not answer in time)
   */
  CompletableFuture<Void> run(AtSign peer, LineClient client) {
    long started = System.nanoTime();
    return client
        .request("from:" + me, config.requestTimeout())
        .whenComplete((a, f) -> LatencyLog.step("from answered", me + "->" + peer, started))
        .thenApply(PeerReplies::data)
        .thenCompose(payload -> polWith(parseProof(peer, payload), client))
        .whenComplete((a, f) -> LatencyLog.step("from+pol done", me + "->" + peer, started))
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(describe(peer, failure)));
  }

  private CompletableFuture<Void> polWith(Proof proof, LineClient client) {
    long signing = System.nanoTime();
    cookies.put(proof.entity(), crypto.sign(proof.secret(), signingKey.get()));
    LatencyLog.step("proof signed", me, signing);
    long polStarted = System.nanoTime();
    String prompt = me + "@";
    return client
        .requestPrompt("pol", prompt, config.polTimeout())
        .whenComplete((a, f) -> LatencyLog.step("pol answered", me, polStarted))
        .whenComplete((answer, failure) -> cookies.remove(proof.entity()))
        .thenAccept(
            answer -> {
              if (!answer.equals(prompt)) {
                PeerReplies.data(answer); // throws the other atServer's error
                throw new AtException(
                    AtErrorCode.HANDSHAKE_FAILURE,
                    "pol was answered with data instead of " + prompt);
              }
            });
  }

  /** {@code proof:<sessionId><me>:<proof>}: where to place the cookie and what to sign. */
  private Proof parseProof(AtSign peer, String payload) {
    String prefix = "proof:";
    int colon = payload.lastIndexOf(':');
    String suffix = me.toString();
    if (!payload.startsWith(prefix) || colon <= prefix.length()) {
      throw new AtException(AtErrorCode.HANDSHAKE_FAILURE, peer + " sent no proof for " + me);
    }
    String key = payload.substring(prefix.length(), colon);
    String secret = payload.substring(colon + 1);
    if (!key.startsWith("_") || !key.endsWith(suffix) || secret.isEmpty()) {
      throw new AtException(AtErrorCode.HANDSHAKE_FAILURE, peer + " sent a malformed proof");
    }
    String entity = key.substring(0, key.length() - suffix.length());
    if (entity.length() < 2 || entity.indexOf('@') >= 0 || entity.indexOf(':') >= 0) {
      throw new AtException(AtErrorCode.HANDSHAKE_FAILURE, peer + " sent a malformed proof");
    }
    return new Proof(entity, secret);
  }

  private static Throwable describe(AtSign peer, Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof AtException at) {
      if (at.code() == AtErrorCode.HANDSHAKE_FAILURE
          || at.code() == AtErrorCode.UNABLE_TO_CONNECT) {
        return at;
      }
      if (at.code() == AtErrorCode.TIMEOUT) {
        return new AtException(
            AtErrorCode.HANDSHAKE_FAILURE,
            "the atServer of " + peer + " did not answer in time",
            at);
      }
      return new AtException(
          AtErrorCode.HANDSHAKE_FAILURE,
          "the atServer of "
              + peer
              + " refused the handshake ("
              + at.code().code()
              + (at.code() == AtErrorCode.BLOCKED_CONNECTION ? ": blocked" : "")
              + ")",
          at);
    }
    return new AtException(
        AtErrorCode.HANDSHAKE_FAILURE, "handshake with the atServer of " + peer + " failed", cause);
  }

  /**
   * @param entity the cookie's key name without owner, {@code _<uuid>}
   * @param secret the proof to sign
   */
  private record Proof(String entity, String secret) {}
}
