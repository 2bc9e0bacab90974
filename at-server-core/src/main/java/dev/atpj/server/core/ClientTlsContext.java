package dev.atpj.server.core;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The TLS context for outbound connections: to another atServer (presenting this server's own
 * certificate as client certificate) or to an upstream atDirectory. The peer's chain is verified
 * against the trusted CA (or the JDK's default trust store) and its host name is checked.
 */
public final class ClientTlsContext {
  private final SslContext context;

  private ClientTlsContext(SslContext context) {
    this.context = context;
  }

  /**
   * Builds a client context.
   *
   * @param trustedCa PEM file of the CA to trust, or {@code null} for the JDK's default trust store
   * @param identity certificate chain and key to present as client certificate, or {@code null}
   * @return the context
   */
  public static ClientTlsContext create(Path trustedCa, TlsFiles identity) {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forClient()
              .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
              .endpointIdentificationAlgorithm("HTTPS");
      if (trustedCa != null) {
        builder.trustManager(trustedCa.toFile());
      }
      if (identity != null) {
        builder.keyManager(identity.certificateChain().toFile(), identity.privateKey().toFile());
      }
      return new ClientTlsContext(builder.build());
    } catch (SSLException | IllegalArgumentException e) {
      String files =
          trustedCa == null
              ? ""
              : " from "
                  + trustedCa
                  + (identity == null ? "" : " and " + identity.certificateChain());
      throw new UncheckedIOException(new IOException("cannot build client TLS context" + files, e));
    }
  }

  /**
   * A handler for one outbound connection.
   *
   * @param allocator the channel's allocator
   * @param host the peer's host, checked against its certificate
   * @param port the peer's port
   * @return a new TLS handler
   */
  public SslHandler newHandler(ByteBufAllocator allocator, String host, int port) {
    return context.newHandler(allocator, host, port);
  }
}
