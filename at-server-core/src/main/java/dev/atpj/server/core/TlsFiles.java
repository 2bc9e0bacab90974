package dev.atpj.server.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * PEM files for one TLS endpoint.
 *
 * @param certificateChain the endpoint's certificate followed by its issuers
 * @param privateKey the endpoint's PKCS#8 private key
 * @param trustedCa the certificate authority to trust for peers, or {@code null} for the JDK's
 *     default trust store
 */
public record TlsFiles(Path certificateChain, Path privateKey, Path trustedCa) {
  /** Checks that the endpoint's own files are named. */
  public TlsFiles {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
  }
}
