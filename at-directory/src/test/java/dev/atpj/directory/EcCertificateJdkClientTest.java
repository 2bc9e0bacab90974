package dev.atpj.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.KeyStores;
import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates {@code ./atp up} makes by default (ECDSA P-256 leaf under an RSA CA, {@link
 * PkiStore} defaults) work for a plain JDK {@link SSLSocket} that trusts the CA, which is how
 * at_java connects (docs/protocol.md C1), and so do RSA ones when asked for.
 */
class EcCertificateJdkClientTest {
  private static final String HOST = "127.0.0.1";

  @TempDir Path home;

  @Test
  void aJdkClientTalksToAServerWithTheDefaultEcCertificate() throws Exception {
    assertThat(answer(PkiStore.inHome(home))).isEqualTo("EC");
  }

  @Test
  void rsaCertificatesRemainAvailable() throws Exception {
    assertThat(answer(PkiStore.inHome(home, KeyAlgorithm.RSA_2048))).isEqualTo("RSA");
  }

  /** Starts a directory with the store's certificate, asks it for @alice; the server key type. */
  private static String answer(PkiStore pki) throws Exception {
    ServerCredentials files = pki.serverCredentials("directory", HOST, "localhost");
    InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
    registry.put(AtSign.parse("@alice"), HostPort.parse("127.0.0.2:47001"));
    try (EventLoops loops = EventLoops.create(1)) {
      DirectoryServer directory =
          DirectoryServer.start(
              loops,
              DirectoryConfig.defaults(HOST, 0),
              ServerTlsContext.load(
                  new TlsFiles(files.certFile(), files.keyFile(), files.caFile()), false),
              registry);
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
            null,
            new TrustManager[] {KeyStores.trustManager(List.of(files.readCaCertificate()))},
            null);
        try (SSLSocket socket =
            (SSLSocket) context.getSocketFactory().createSocket(HOST, directory.port())) {
          socket.setSoTimeout(10_000);
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          OutputStream out = socket.getOutputStream();
          assertThat((char) in.read()).isEqualTo('@');
          out.write("alice\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          assertThat(in.readLine()).isEqualTo("127.0.0.2:47001");
          return socket.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm();
        }
      } finally {
        directory.close();
      }
    }
  }
}
