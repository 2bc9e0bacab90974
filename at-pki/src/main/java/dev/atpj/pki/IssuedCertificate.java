package dev.atpj.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A server certificate with its private key and the CA certificate that signed it, in memory.
 *
 * @param certificate the leaf certificate
 * @param privateKey the leaf's private key
 * @param caCertificate the issuing CA's certificate
 */
public record IssuedCertificate(
    X509Certificate certificate, PrivateKey privateKey, X509Certificate caCertificate) {
  /** Checks that no part is missing. */
  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }

  /** The full chain a server presents: the leaf, then the CA. */
  public List<X509Certificate> chain() {
    return List.of(certificate, caCertificate);
  }

  /** The DNS and IP names in the leaf's subject alternative names. */
  public List<String> hosts() {
    return CertificateHosts.subjectAlternativeNames(certificate);
  }

  /**
   * Writes {@code cert.pem} (chain), {@code key.pem} (PKCS#8, owner-only) and {@code ca.pem} into a
   * directory, each atomically.
   *
   * @param directory the directory, created if missing
   * @return where the files are
   * @throws IOException when a file cannot be written
   */
  public ServerCredentials writeTo(Path directory) throws IOException {
    ServerCredentials files = ServerCredentials.in(directory);
    writeTo(files);
    return files;
  }

  /**
   * Writes the key, the chain and the CA certificate to the given paths, each atomically. The key
   * is written first, so a crash in between leaves a key that does not match the old certificate,
   * which {@link PkiStore} notices and repairs.
   *
   * @param files where to write
   * @throws IOException when a file cannot be written
   */
  public void writeTo(ServerCredentials files) throws IOException {
    AtomicFiles.writeString(
        files.keyFile(), Pem.encodePrivateKey(privateKey), AtomicFiles.OWNER_ONLY);
    AtomicFiles.writeString(
        files.certFile(), Pem.encodeCertificates(chain()), AtomicFiles.WORLD_READABLE);
    AtomicFiles.writeString(
        files.caFile(), Pem.encodeCertificate(caCertificate), AtomicFiles.WORLD_READABLE);
  }
}
