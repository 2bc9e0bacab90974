package dev.atpj.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The certificates of one home folder, created on first use and reused afterwards.
 *
 * <pre>
 * &lt;home&gt;/pki/ca.pem                      CA certificate (give this to clients to trust)
 * &lt;home&gt;/pki/ca.key                      CA private key, PKCS#8, owner-only
 * &lt;home&gt;/pki/servers/&lt;folder&gt;/cert.pem   leaf certificate followed by the CA certificate
 * &lt;home&gt;/pki/servers/&lt;folder&gt;/key.pem    leaf private key, PKCS#8, owner-only
 * </pre>
 *
 * <p>{@code <folder>} is {@link ServerFolderNames#of} the server name. Existing files are reused
 * while they are valid: readable, the key matching the certificate, signed by the current CA,
 * naming exactly the requested hosts, and not expiring within {@link PkiConfig#renewBefore()}.
 * Anything else is replaced (see {@link #problemWith}). An invalid or expiring CA is replaced by a
 * new one, which in turn replaces every server certificate on its next request. All files are
 * written atomically. Methods are synchronized per instance; two processes sharing one home folder
 * at once are not coordinated.
 */
public final class PkiStore {
  /** Name of the PKI folder inside a home folder. */
  public static final String DIRECTORY_NAME = "pki";

  /** File name of the CA certificate. */
  public static final String CA_CERT_FILE_NAME = "ca.pem";

  /** File name of the CA private key. */
  public static final String CA_KEY_FILE_NAME = "ca.key";

  /** Name of the folder that holds one folder per server. */
  public static final String SERVERS_DIRECTORY_NAME = "servers";

  private final Path directory;
  private final PkiConfig config;
  private final Clock clock;
  private CertificateAuthority authority;

  /**
   * A store in a PKI folder.
   *
   * @param directory the PKI folder itself (e.g. {@code <home>/pki}); created when needed
   * @param config key type, validities and renewal margin
   * @param clock the time source
   */
  public PkiStore(Path directory, PkiConfig config, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The store in {@code <home>/pki} with default settings and the system clock.
   *
   * @param home the home folder, e.g. the one {@code ./atp up} uses
   * @return the store
   */
  public static PkiStore inHome(Path home) {
    return new PkiStore(home.resolve(DIRECTORY_NAME), PkiConfig.defaults(), Clock.systemUTC());
  }

  /**
   * The store in {@code <home>/pki} with default settings but the given server key type, and the
   * system clock.
   *
   * @param home the home folder
   * @param serverKeyAlgorithm the key type of server certificates; stored ones of another type are
   *     reissued on their next request
   * @return the store
   */
  public static PkiStore inHome(Path home, KeyAlgorithm serverKeyAlgorithm) {
    return new PkiStore(
        home.resolve(DIRECTORY_NAME),
        PkiConfig.defaults().withServerKeyAlgorithm(serverKeyAlgorithm),
        Clock.systemUTC());
  }

  /** The PKI folder. */
  public Path directory() {
    return directory;
  }

  /** {@code <pki>/ca.pem}. */
  public Path caCertFile() {
    return directory.resolve(CA_CERT_FILE_NAME);
  }

  /** {@code <pki>/ca.key}. */
  public Path caKeyFile() {
    return directory.resolve(CA_KEY_FILE_NAME);
  }

  /**
   * The folder of one server.
   *
   * @param name the server name, e.g. {@code directory} or an atSign's name
   * @return {@code <pki>/servers/<folder>}
   */
  public Path serverDirectory(String name) {
    return directory.resolve(SERVERS_DIRECTORY_NAME).resolve(ServerFolderNames.of(name));
  }

  /**
   * The paths of one server's files; they need not exist.
   *
   * @param name the server name
   * @return cert, key and CA paths
   */
  public ServerCredentials serverFiles(String name) {
    Path folder = serverDirectory(name);
    return new ServerCredentials(
        folder.resolve(ServerCredentials.CERT_FILE_NAME),
        folder.resolve(ServerCredentials.KEY_FILE_NAME),
        caCertFile());
  }

  /** Tells whether a CA certificate and key are on disk (valid or not). */
  public boolean hasCertificateAuthority() {
    return Files.isRegularFile(caCertFile()) && Files.isRegularFile(caKeyFile());
  }

  /**
   * The CA: loaded from disk when valid, created and written otherwise.
   *
   * @return the CA
   * @throws IOException when the files cannot be written
   */
  public synchronized CertificateAuthority certificateAuthority() throws IOException {
    Optional<CertificateAuthority> current = currentAuthority();
    if (current.isPresent()) {
      return current.get();
    }
    authority = CertificateAuthority.create(config.keyAlgorithm(), config.caValidity(), clock);
    authority.writeTo(caCertFile(), caKeyFile());
    return authority;
  }

  /**
   * Makes a CA the store's CA, replacing any other: for {@code ./atp pki} commands that create a
   * new CA or import one. Server certificates of the old CA are reissued on their next request.
   *
   * @param replacement the new CA, e.g. {@link CertificateAuthority#create()} or {@link
   *     CertificateAuthority#load(Path, Path)}
   * @throws IOException when the files cannot be written
   */
  public synchronized void replaceCertificateAuthority(CertificateAuthority replacement)
      throws IOException {
    replacement.writeTo(caCertFile(), caKeyFile());
    authority = replacement;
  }

  /**
   * A server's files: reused when valid for these hosts, (re)issued otherwise.
   *
   * @param name the server name, e.g. {@code directory} or {@code alice}
   * @param host the primary host (IP literal or DNS name); also the CN
   * @param extraHosts more hosts for the SAN, e.g. {@code localhost}, {@code 127.0.0.1}
   * @return the server's files
   * @throws IOException when files cannot be written
   */
  public ServerCredentials serverCredentials(String name, String host, String... extraHosts)
      throws IOException {
    List<String> hosts = new ArrayList<>();
    hosts.add(host);
    hosts.addAll(List.of(extraHosts));
    return serverCredentials(name, hosts);
  }

  /**
   * A server's files: reused when valid for these hosts, (re)issued otherwise.
   *
   * @param name the server name
   * @param hosts the hosts, primary first
   * @return the server's files
   * @throws IOException when files cannot be written
   */
  public synchronized ServerCredentials serverCredentials(String name, List<String> hosts)
      throws IOException {
    certificateAuthority();
    if (problemWith(name, hosts).isPresent()) {
      return reissue(name, hosts);
    }
    return serverFiles(name);
  }

  /**
   * Issues a new certificate and key for a server, replacing any existing files.
   *
   * @param name the server name
   * @param hosts the hosts, primary first
   * @return the server's files
   * @throws IOException when files cannot be written
   */
  public synchronized ServerCredentials reissue(String name, List<String> hosts)
      throws IOException {
    ServerCertificateRequest request = request(hosts);
    IssuedCertificate issued = certificateAuthority().issueServerCertificate(request);
    ServerCredentials files = serverFiles(name);
    AtomicFiles.writeString(
        files.keyFile(), Pem.encodePrivateKey(issued.privateKey()), AtomicFiles.OWNER_ONLY);
    AtomicFiles.writeString(
        files.certFile(), Pem.encodeCertificates(issued.chain()), AtomicFiles.WORLD_READABLE);
    return files;
  }

  /**
   * Why a server's files cannot be reused for these hosts, if they cannot. Creates nothing.
   *
   * @param name the server name
   * @param hosts the hosts, primary first
   * @return a human-readable reason, or empty when the files are valid
   */
  public synchronized Optional<String> problemWith(String name, List<String> hosts) {
    Optional<CertificateAuthority> ca = currentAuthority();
    if (ca.isEmpty()) {
      return Optional.of("no valid CA yet");
    }
    return ServerFilesCheck.problem(
        serverFiles(name), ca.get(), request(hosts), clock.instant(), config.renewBefore());
  }

  /**
   * The folder names under {@code <pki>/servers}, sorted (for listing).
   *
   * @return folder names; empty when there are none
   * @throws IOException when the folder cannot be listed
   */
  public List<String> serverFolders() throws IOException {
    Path servers = directory.resolve(SERVERS_DIRECTORY_NAME);
    if (!Files.isDirectory(servers)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(servers)) {
      return entries
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** The cached or stored CA while it is valid and not expiring; never creates one. */
  private Optional<CertificateAuthority> currentAuthority() {
    if (authority != null && !expiresSoon(authority.certificate())) {
      return Optional.of(authority);
    }
    authority = null;
    if (!hasCertificateAuthority()) {
      return Optional.empty();
    }
    try {
      CertificateAuthority loaded = CertificateAuthority.load(caCertFile(), caKeyFile(), clock);
      if (!expiresSoon(loaded.certificate())) {
        authority = loaded;
      }
    } catch (IOException e) {
      // unreadable or not a CA: treated as absent, and replaced when one is needed
    }
    return Optional.ofNullable(authority);
  }

  private boolean expiresSoon(X509Certificate certificate) {
    return ServerFilesCheck.expiresSoon(certificate, clock.instant(), config.renewBefore());
  }

  private ServerCertificateRequest request(List<String> hosts) {
    return new ServerCertificateRequest(
        hosts, config.serverValidity(), config.serverKeyAlgorithm());
  }
}
