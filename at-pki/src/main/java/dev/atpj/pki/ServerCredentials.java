package dev.atpj.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Where a server's TLS files are: what a TLS server needs to start, e.g. Netty's {@code
 * SslContextBuilder.forServer(certFile().toFile(), keyFile().toFile())}, plus the CA certificate
 * for trusting peers.
 *
 * @param certFile {@code cert.pem}: the leaf certificate followed by the CA certificate
 * @param keyFile {@code key.pem}: the leaf's unencrypted PKCS#8 private key
 * @param caFile {@code ca.pem}: the CA certificate alone
 */
public record ServerCredentials(Path certFile, Path keyFile, Path caFile) {
  /** File name of the certificate chain. */
  public static final String CERT_FILE_NAME = "cert.pem";

  /** File name of the private key. */
  public static final String KEY_FILE_NAME = "key.pem";

  /** File name of the CA certificate when it sits beside the server files. */
  public static final String CA_FILE_NAME = "ca.pem";

  /** Checks that no path is missing. */
  public ServerCredentials {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(caFile, "caFile");
  }

  /**
   * The standard layout in one directory: {@code cert.pem}, {@code key.pem}, {@code ca.pem}.
   *
   * @param directory the directory
   * @return the paths (the files need not exist)
   */
  public static ServerCredentials in(Path directory) {
    return new ServerCredentials(
        directory.resolve(CERT_FILE_NAME),
        directory.resolve(KEY_FILE_NAME),
        directory.resolve(CA_FILE_NAME));
  }

  /** Tells whether all three files exist. */
  public boolean exist() {
    return Files.isRegularFile(certFile)
        && Files.isRegularFile(keyFile)
        && Files.isRegularFile(caFile);
  }

  /**
   * Reads the chain from {@link #certFile()}.
   *
   * @return the certificates, leaf first
   * @throws IOException when the file is missing or invalid
   */
  public List<X509Certificate> readChain() throws IOException {
    return Pem.readCertificates(certFile);
  }

  /**
   * Reads the private key from {@link #keyFile()}.
   *
   * @return the key
   * @throws IOException when the file is missing or invalid
   */
  public PrivateKey readPrivateKey() throws IOException {
    return Pem.readPrivateKey(keyFile);
  }

  /**
   * Reads the CA certificate from {@link #caFile()}.
   *
   * @return the CA certificate
   * @throws IOException when the file is missing or invalid
   */
  public X509Certificate readCaCertificate() throws IOException {
    return Pem.readCertificate(caFile);
  }

  /**
   * Reads all three files.
   *
   * @return the leaf, its key and the CA certificate
   * @throws IOException when a file is missing or invalid
   */
  public IssuedCertificate read() throws IOException {
    return new IssuedCertificate(readChain().get(0), readPrivateKey(), readCaCertificate());
  }
}
