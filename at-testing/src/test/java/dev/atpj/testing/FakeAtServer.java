package dev.atpj.testing;

import dev.atpj.pki.CertificateHosts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A tiny JDK-TLS server on 127.0.0.1 port 0 that speaks the atServer prompt framing with canned
 * answers, to test {@link WireClient} against.
 */
final class FakeAtServer implements AutoCloseable {
  private final SSLServerSocket listener;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "fake-at-server");
            thread.setDaemon(true);
            return thread;
          });
  private final Queue<List<SNIServerName>> serverNames = new ConcurrentLinkedQueue<>();

  FakeAtServer(SSLContext context) throws IOException {
    listener =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    listener.setWantClientAuth(true);
    threads.execute(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** SNI names requested by each handshake, in accept order. */
  Queue<List<SNIServerName>> serverNames() {
    return serverNames;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        SSLSocket socket = (SSLSocket) listener.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SSLSocket socket) {
    try (socket) {
      socket.startHandshake();
      serverNames.add(((ExtendedSSLSession) socket.getSession()).getRequestedServerNames());
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      String prompt = "@";
      write(out, prompt);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        switch (line) {
          case "@exit" -> {
            return;
          }
          case "from:@alice" -> write(out, "data:_1@alice:proof\n" + prompt);
          case "cram:ok" -> {
            prompt = "@alice@";
            write(out, "data:success\n" + prompt);
          }
          case "pol" -> {
            prompt = "@bob@";
            write(out, prompt);
          }
          case "split" -> {
            prompt = "@alice@";
            write(out, "data:split\n@al");
            write(out, "ice@");
          }
          case "split-early" -> {
            prompt = "@alice@";
            write(out, "data:split\n@");
            write(out, "alice@");
          }
          case "alice" -> write(out, "127.0.0.1:6464\r\n@");
          case "monitor" -> {
            write(out, "notification: {\"id\":\"1\"}\n");
            write(out, "notification: {\"id\":\"2\"}\n");
          }
          case "fatal" -> {
            write(out, "error:AT0005-Buffer limit exceeded : too long\n");
            return;
          }
          case "silent" -> {}
          case "big" -> write(out, "data:" + "x".repeat(100_000) + "\n" + prompt);
          case "cert" -> write(out, "data:" + clientHost(socket) + "\n" + prompt);
          default -> write(out, "data:echo:" + line + "\n" + prompt);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String clientHost(SSLSocket socket) {
    try {
      X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      return CertificateHosts.commonNames(leaf).get(0);
    } catch (SSLPeerUnverifiedException e) {
      return "none";
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
