package dev.atpj.directory;

import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;

/** Starts directories in-process on port 0 with real TLS, and connects wire clients to them. */
final class DirectoryFixture implements AutoCloseable {
  static final String HOST = "127.0.0.1";

  private final TestPki pki;
  private final EventLoops loops = EventLoops.create(2);
  private final ServerTlsContext tls;

  DirectoryFixture(TestPki pki) {
    this.pki = pki;
    ServerCredentials credentials = pki.serverCredentials(HOST);
    this.tls =
        ServerTlsContext.load(
            new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()),
            false);
  }

  EventLoops loops() {
    return loops;
  }

  TestPki pki() {
    return pki;
  }

  DirectoryServer start(DirectoryConfig config, DirectoryRegistry registry) {
    return DirectoryServer.start(loops, config, tls, registry);
  }

  DirectoryServer start(DirectoryRegistry registry) {
    return start(DirectoryConfig.defaults(HOST, 0), registry);
  }

  WireClient connect(DirectoryServer server) {
    WireClient client = pki.connect(HOST, server.port());
    client.readPrompt();
    return client;
  }

  @Override
  public void close() {
    loops.close();
  }
}
