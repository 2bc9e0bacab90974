package dev.atpj.server.core;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/** One accepted TLS connection, as a session sees it. */
public interface Connection {
  /** A process-unique id for logs. */
  String id();

  /** The peer's address. */
  InetSocketAddress remoteAddress();

  /** When the connection was accepted. */
  Instant openedAt();

  /** The certificate chain the peer presented, leaf first; empty when it presented none. */
  List<X509Certificate> peerCertificates();

  /**
   * Writes text and flushes, from any thread; used to push lines such as notifications. Text
   * written this way is not ordered with respect to replies still being computed.
   *
   * @param text the exact text to write
   */
  void push(String text);

  /** Whether the connection is still open. */
  boolean isOpen();

  /** Closes the connection after what was written so far. */
  void close();

  /** The executor of the connection's event loop; session state is safe to touch there. */
  Executor executor();
}
