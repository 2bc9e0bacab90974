package dev.atpj.bench;

import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.core.TlsFiles;
import java.nio.file.Path;

/** Certificates for benchmark servers, from a private CA in the benchmark's work folder. */
public final class BenchPki {
  static final String HOST = "127.0.0.1";

  private final PkiStore store;

  /**
   * Certificates under a work folder.
   *
   * @param workDir the folder
   */
  public BenchPki(Path workDir) {
    this.store = PkiStore.inHome(workDir);
  }

  ServerCredentials credentials(String name) {
    try {
      return store.serverCredentials(name, HOST);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Files of a server with its own certificate for another loopback address. */
  TlsFiles tlsFiles(String name, String host) {
    try {
      ServerCredentials c = store.serverCredentials(name, host);
      return new TlsFiles(c.certFile(), c.keyFile(), c.caFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  TlsFiles tlsFiles(String name) {
    ServerCredentials credentials = credentials(name);
    return new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile());
  }

  Path caFile() {
    return store.caCertFile();
  }
}
