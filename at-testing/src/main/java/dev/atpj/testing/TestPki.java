package dev.atpj.testing;

import dev.atpj.pki.AtomicFiles;
import dev.atpj.pki.CertificateAuthority;
import dev.atpj.pki.CertificateHosts;
import dev.atpj.pki.IssuedCertificate;
import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.KeyStores;
import dev.atpj.pki.Pem;
import dev.atpj.pki.ServerCertificateRequest;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.pki.ServerFolderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A throw-away PKI for tests: a CA and server certificates, generated (never committed) and written
 * as PEM files into a test folder.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(tempDir);
 * ServerCredentials alice = pki.serverCredentials("127.0.0.2");   // cert.pem, key.pem, ca.pem
 * try (WireClient client = pki.connect("127.0.0.2", port)) { ... }
 * }</pre>
 *
 * <p>Generating RSA keys is slow, so an instance caches every certificate it issues (by host list)
 * and gives <b>all its leaf certificates one shared key pair</b>; certificates still differ in
 * names and serials. To share one CA across a test class, let {@link TestPkiExtension} inject a
 * {@code TestPki}, or pass one CA to {@link #create(Path, CertificateAuthority)}. Thread-safe.
 */
public final class TestPki {
  /** Validity of issued test certificates. */
  public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(30);

  /** Validity of a test CA. */
  public static final Duration CA_VALIDITY = Duration.ofDays(365);

  private static final String SERVERS_DIRECTORY_NAME = "servers";

  private final Path directory;
  private final CertificateAuthority ca;
  private final Path caCertFile;
  private final Map<List<String>, IssuedCertificate> certificates = new HashMap<>();
  private final Map<List<String>, ServerCredentials> files = new HashMap<>();
  private final X509TrustManager trustManager;
  private KeyPair leafKeys;

  private TestPki(Path directory, CertificateAuthority ca) {
    this.directory = directory;
    this.ca = ca;
    this.caCertFile = directory.resolve(ServerCredentials.CA_FILE_NAME);
    this.trustManager = KeyStores.trustManager(List.of(ca.certificate()));
    try {
      AtomicFiles.writeString(
          caCertFile, Pem.encodeCertificate(ca.certificate()), AtomicFiles.WORLD_READABLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new RSA-2048 PKI (like production) in a folder.
   *
   * @param directory where PEM files go, e.g. a JUnit {@code @TempDir}
   * @return the PKI, with {@code ca.pem} already written
   */
  public static TestPki create(Path directory) {
    return create(directory, KeyAlgorithm.RSA_2048);
  }

  /**
   * A new PKI with a given key type ({@link KeyAlgorithm#EC_P256} is much faster to generate).
   *
   * @param directory where PEM files go
   * @param keyAlgorithm key type of the CA and leaves
   * @return the PKI
   */
  public static TestPki create(Path directory, KeyAlgorithm keyAlgorithm) {
    return create(
        directory, CertificateAuthority.create(keyAlgorithm, CA_VALIDITY, Clock.systemUTC()));
  }

  /**
   * A PKI on an existing CA, e.g. one CA shared by several folders.
   *
   * @param directory where PEM files go
   * @param ca the CA to issue with
   * @return the PKI
   */
  public static TestPki create(Path directory, CertificateAuthority ca) {
    return new TestPki(directory, ca);
  }

  /** The folder holding the PEM files. */
  public Path directory() {
    return directory;
  }

  /** The CA. */
  public CertificateAuthority ca() {
    return ca;
  }

  /** The CA certificate. */
  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /** {@code <directory>/ca.pem}. */
  public Path caCertFile() {
    return caCertFile;
  }

  /** A trust manager that trusts only this CA. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /**
   * A server certificate (cached per host list), e.g. for {@code 127.0.0.2}.
   *
   * @param host the primary host: IP SAN for literals, DNS SAN otherwise
   * @param extraHosts more SAN entries
   * @return the certificate, key and CA certificate
   */
  public synchronized IssuedCertificate certificate(String host, String... extraHosts) {
    List<String> hosts = hosts(host, extraHosts);
    return certificates.computeIfAbsent(
        hosts,
        key ->
            ca.issueServerCertificate(
                ServerCertificateRequest.forHosts(key).withValidity(CERTIFICATE_VALIDITY),
                leafKeys()));
  }

  /**
   * PEM files for a server (cached per host list), under {@code <directory>/servers/<hosts>/}.
   *
   * @param host the primary host
   * @param extraHosts more SAN entries
   * @return paths to {@code cert.pem}, {@code key.pem} and {@code ca.pem}
   */
  public synchronized ServerCredentials serverCredentials(String host, String... extraHosts) {
    List<String> hosts = hosts(host, extraHosts);
    ServerCredentials existing = files.get(hosts);
    if (existing != null) {
      return existing;
    }
    Path folder =
        directory
            .resolve(SERVERS_DIRECTORY_NAME)
            .resolve(ServerFolderNames.of(String.join("+", hosts)));
    try {
      ServerCredentials written = certificate(host, extraHosts).writeTo(folder);
      files.put(hosts, written);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TLS client context that trusts only this CA and presents no certificate. */
  public SSLContext clientContext() {
    return sslContext(null);
  }

  /**
   * A TLS context that presents the certificate for a host and trusts only this CA: for a test
   * server, or for a client acting as an atServer calling another (mutual TLS).
   *
   * @param host the primary host of the certificate to present
   * @param extraHosts more SAN entries
   * @return the context
   */
  public SSLContext contextFor(String host, String... extraHosts) {
    return sslContext(certificate(host, extraHosts));
  }

  /**
   * Connects a {@link WireClient} that trusts this CA, with the default timeout.
   *
   * @param host the server's address, e.g. {@code 127.0.0.2}
   * @param port the server's port
   * @return the connected client (TLS handshake done)
   */
  public WireClient connect(String host, int port) {
    return WireClient.connect(host, port, clientContext());
  }

  /**
   * Connects a {@link WireClient} that presents the certificate for {@code clientHost}, as an
   * atServer does when it calls another.
   *
   * @param clientHost the primary host of the client certificate
   * @param host the server's address
   * @param port the server's port
   * @return the connected client (TLS handshake done)
   */
  public WireClient connectAs(String clientHost, String host, int port) {
    return WireClient.connect(host, port, contextFor(clientHost));
  }

  private SSLContext sslContext(IssuedCertificate identity) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers =
          identity == null ? null : new KeyManager[] {KeyStores.keyManager(identity)};
      context.init(keyManagers, new TrustManager[] {trustManager}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build SSLContext", e);
    }
  }

  private KeyPair leafKeys() {
    if (leafKeys == null) {
      leafKeys = KeyAlgorithm.of(ca.privateKey()).generate(new SecureRandom());
    }
    return leafKeys;
  }

  private static List<String> hosts(String host, String... extraHosts) {
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add(CertificateHosts.normalize(host));
    for (String extra : extraHosts) {
      hosts.add(CertificateHosts.normalize(extra));
    }
    return List.copyOf(hosts);
  }
}
