package dev.atpj.server.core;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The TLS context of a server, reloadable: {@link #reload()} reads the PEM files again, and new
 * connections get the new certificate while existing ones keep theirs.
 *
 * <p>The server asks for, but does not require, a client certificate, and accepts any certificate
 * at the TLS layer: atServers check a peer's certificate against the atDirectory when the peer
 * claims an atSign with {@code from:} (docs/protocol.md B5), where a clear protocol error can be
 * given. BoringSSL (netty-tcnative) is used when it loads, the JDK's TLS otherwise.
 */
public final class ServerTlsContext {
  private final TlsFiles files;
  private final boolean requestClientCertificate;
  private final AtomicReference<SslContext> current = new AtomicReference<>();

  private ServerTlsContext(TlsFiles files, boolean requestClientCertificate) {
    this.files = files;
    this.requestClientCertificate = requestClientCertificate;
  }

  /**
   * Loads a server context from PEM files.
   *
   * @param files certificate chain and private key (the trusted CA is not used by servers)
   * @param requestClientCertificate whether to ask clients for a certificate
   * @return the context
   * @throws UncheckedIOException when the files cannot be read or do not hold a usable key pair
   */
  public static ServerTlsContext load(TlsFiles files, boolean requestClientCertificate) {
    ServerTlsContext context = new ServerTlsContext(files, requestClientCertificate);
    context.reload();
    return context;
  }

  /**
   * Reads the PEM files again; new connections use the result.
   *
   * @throws UncheckedIOException when the files cannot be used (the previous context stays)
   */
  public void reload() {
    current.set(build());
  }

  /** The files this context reads. */
  public TlsFiles files() {
    return files;
  }

  /** Whether BoringSSL is in use rather than the JDK's TLS. */
  public static boolean nativeTls() {
    return OpenSsl.isAvailable();
  }

  SslHandler newHandler(ByteBufAllocator allocator) {
    return current.get().newHandler(allocator);
  }

  private SslContext build() {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(
                  files.certificateChain().toFile(), files.privateKey().toFile())
              .sslProvider(nativeTls() ? SslProvider.OPENSSL : SslProvider.JDK);
      if (requestClientCertificate) {
        builder.clientAuth(ClientAuth.OPTIONAL).trustManager(InsecureTrustManagerFactory.INSTANCE);
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot use TLS files " + files.certificateChain() + " / " + files.privateKey(), e));
    }
  }
}
