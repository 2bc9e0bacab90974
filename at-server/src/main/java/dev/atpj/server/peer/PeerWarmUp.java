package dev.atpj.server.peer;

import dev.atpj.pki.CertificateHosts;
import dev.atpj.pki.Pem;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once, when an atServer starts, the work its first server-to-server handshake would otherwise
 * do on its critical path for the first time: decoding its signing private key (kept afterwards),
 * signing and verifying a probe as {@code pol} does, and judging its own certificate chain as an
 * inbound {@code from} judges a peer's. In a fresh JVM this also loads and compiles the JCA and
 * PKIX code, so the first notification does not pay for it. Failures are only logged: the real
 * handshake reports its own.
 */
final class PeerWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(PeerWarmUp.class);

  private PeerWarmUp() {}

  static void run(
      AtSign me,
      AtStore store,
      AtCrypto crypto,
      TlsFiles tls,
      Supplier<PrivateKey> signingKey,
      ClientCertificateCheck certificates) {
    try {
      String probe = UUID.randomUUID().toString();
      String signature = crypto.sign(probe, signingKey.get());
      store
          .get(ReservedKeys.signingPublicKey(me).toString())
          .map(StoredValue::value)
          .ifPresent(
              encoded ->
                  crypto.verify(
                      probe, signature, crypto.decodePublicKey(encoded), "SHA256withRSA"));
      List<X509Certificate> chain = Pem.readCertificates(tls.certificateChain());
      List<String> hosts = CertificateHosts.subjectAlternativeNames(chain.get(0));
      if (!hosts.isEmpty()) {
        certificates.accepts(chain, hosts.get(0));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: server-to-server warm-up skipped: {}", me, e.toString());
    }
  }
}
