package dev.atpj.cli;

import dev.atpj.pki.KeyStores;
import dev.atpj.pki.Pem;
import dev.atpj.testing.WireClient;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** A JDK TLS client context trusting exactly one CA file, as an outside client would. */
public final class TrustedCa {
  private final SSLContext context;

  /**
   * Trusts a PEM CA file.
   *
   * @param caFile the CA certificate
   */
  public TrustedCa(Path caFile) throws IOException, GeneralSecurityException {
    context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {KeyStores.trustManager(List.of(Pem.readCertificate(caFile)))},
        null);
  }

  /** Connects a wire client and reads the greeting prompt. */
  public WireClient connect(String host, int port) {
    WireClient client = WireClient.connect(host, port, context);
    client.readPrompt();
    return client;
  }
}
