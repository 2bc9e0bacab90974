package dev.atpj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A peer that hangs, for timeout tests: it accepts TLS connections, completes the handshake (or,
 * without TLS, just the TCP connection), reads whatever arrives and never answers. Each connection
 * is served by a daemon thread; {@link #close()} closes everything.
 *
 * <pre>{@code
 * try (SilentTlsServer silent = SilentTlsServer.start(pki.contextFor("127.0.0.9"), "127.0.0.9")) {
 *   register("@hang", silent.host(), silent.port());
 *   ...
 * }
 * }</pre>
 */
public final class SilentTlsServer implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger bytesRead = new AtomicInteger();

  private SilentTlsServer(ServerSocket listener) {
    this.listener = listener;
    Thread acceptor = new Thread(this::acceptLoop, "silent-tls-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a silent TLS server on a free port.
   *
   * @param context its TLS identity, e.g. {@link TestPki#contextFor(String, String...)}; null for a
   *     plain TCP server that never starts TLS (the client's handshake then hangs)
   * @param host the address to bind
   * @return the running server
   */
  public static SilentTlsServer start(SSLContext context, String host) {
    try {
      ServerSocket socket =
          context == null
              ? new ServerSocket()
              : (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
      socket.bind(new InetSocketAddress(host, 0));
      return new SilentTlsServer(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host, e);
    }
  }

  /** The bound host. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** The bound port. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Bytes received (after TLS) so far. */
  public int bytesRead() {
    return bytesRead.get();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // best effort
    }
    for (Socket socket : accepted) {
      try {
        socket.close();
      } catch (IOException e) {
        // best effort
      }
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      accepted.add(socket);
      connections.incrementAndGet();
      Thread reader = new Thread(() -> swallow(socket), "silent-tls-reader");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void swallow(Socket socket) {
    try (socket) {
      if (socket instanceof SSLSocket tls) {
        tls.startHandshake();
      }
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        bytesRead.addAndGet(read);
      }
    } catch (IOException e) {
      // the client went away or the server closed
    }
  }
}
