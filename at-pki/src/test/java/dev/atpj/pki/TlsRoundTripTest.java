package dev.atpj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real JDK TLS with issued certificates: server auth, and mutual auth as atServers use it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsRoundTripTest {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private CertificateAuthority ca;
  private IssuedCertificate server;
  private IssuedCertificate peer;

  @BeforeAll
  void issue() {
    ca = CertificateAuthority.create();
    server =
        ca.issueServerCertificate(
            ServerCertificateRequest.forHost("127.0.0.1").withExtraHosts("localhost"));
    peer = ca.issueServerCertificate(ServerCertificateRequest.forHost("bob.example.com"));
  }

  @AfterAll
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void clientTrustingOnlyTheCaTalksToServer() throws Exception {
    try (SSLServerSocket listener = listen(false)) {
      Future<List<X509Certificate>> seen = executor.submit(() -> echoOnce(listener));
      try (SSLSocket client = connect(listener, context(null, ca.certificate()))) {
        assertThat(exchange(client, "hello")).isEqualTo("echo:hello");
        X509Certificate presented = (X509Certificate) client.getSession().getPeerCertificates()[0];
        assertThat(presented).isEqualTo(server.certificate());
      }
      assertThat(seen.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEmpty();
    }
  }

  @Test
  void serverSeesThePeersServerCertificateAsClientCertificate() throws Exception {
    try (SSLServerSocket listener = listen(true)) {
      Future<List<X509Certificate>> seen = executor.submit(() -> echoOnce(listener));
      try (SSLSocket client = connect(listener, context(peer, ca.certificate()))) {
        assertThat(exchange(client, "from:@bob")).isEqualTo("echo:from:@bob");
      }
      List<X509Certificate> chain = seen.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      assertThat(chain.get(0)).isEqualTo(peer.certificate());
      assertThat(CertificateHosts.matchesHost(chain.get(0), "bob.example.com")).isTrue();
      assertThat(CertificateHosts.matchesHost(chain.get(0), "alice.example.com")).isFalse();
    }
  }

  @Test
  void clientWithOtherTrustRejectsServer() throws Exception {
    CertificateAuthority stranger =
        CertificateAuthority.create(
            KeyAlgorithm.EC_P256, java.time.Duration.ofDays(1), java.time.Clock.systemUTC());
    try (SSLServerSocket listener = listen(false)) {
      executor.submit(() -> echoOnce(listener));
      assertThatThrownBy(
              () -> {
                try (SSLSocket client = connect(listener, context(null, stranger.certificate()))) {
                  client.startHandshake();
                }
              })
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  private SSLServerSocket listen(boolean needClientAuth) throws Exception {
    SSLContext context = context(server, ca.certificate());
    SSLServerSocket listener =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    if (needClientAuth) {
      listener.setNeedClientAuth(true);
    } else {
      listener.setWantClientAuth(true); // like the reference atServer: ask, do not require
    }
    listener.setSoTimeout(TIMEOUT_MILLIS);
    return listener;
  }

  private static SSLSocket connect(SSLServerSocket listener, SSLContext context)
      throws IOException {
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort());
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  /** Accepts one connection, answers one line, returns the client's certificate chain. */
  private static List<X509Certificate> echoOnce(SSLServerSocket listener) throws IOException {
    try (SSLSocket socket = (SSLSocket) listener.accept()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      OutputStream out = socket.getOutputStream();
      out.write(("echo:" + line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        return List.of((X509Certificate[]) socket.getSession().getPeerCertificates());
      } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
        return List.of();
      }
    }
  }

  private static String exchange(SSLSocket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  private static SSLContext context(IssuedCertificate identity, X509Certificate trusted)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManager[] keys = identity == null ? null : new KeyManager[] {KeyStores.keyManager(identity)};
    context.init(keys, new TrustManager[] {KeyStores.trustManager(List.of(trusted))}, null);
    return context;
  }
}
