package dev.atpj.cli.directory;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.core.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A server's certificate: {@code --cert}/{@code --key} files, or else one issued by the home
 * folder's private CA for the {@code --cert-host} names.
 */
public final class ServerTlsOptions {
  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "PEM certificate chain (leaf first); needs --key.")
  private Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --cert.")
  private Path key;

  @Option(
      names = "--cert-host",
      paramLabel = "NAME",
      split = ",",
      description =
          "Names for a certificate from the home CA (default: localhost, 127.0.0.1 and the bind"
              + " address unless it is a wildcard).")
  private List<String> certHosts;

  /**
   * The TLS files to serve with.
   *
   * @param environment the process environment
   * @param home the home option (for the private CA)
   * @param serverName the server's name in the home PKI
   * @param bind the bind address
   * @return the files
   */
  public TlsFiles files(CliEnvironment environment, HomeOption home, String serverName, String bind)
      throws IOException {
    if (cert != null || key != null) {
      if (cert == null || key == null) {
        throw new CliException("--cert and --key go together");
      }
      for (Path file : List.of(cert, key)) {
        if (!Files.isReadable(file)) {
          throw new CliException("cannot read " + file.toAbsolutePath());
        }
      }
      return new TlsFiles(cert.toAbsolutePath(), key.toAbsolutePath(), null);
    }
    List<String> hosts = new ArrayList<>();
    if (certHosts != null) {
      hosts.addAll(certHosts);
    } else {
      if (!bind.equals("0.0.0.0") && !bind.equals("127.0.0.1") && !bind.equals("localhost")) {
        hosts.add(bind);
      }
      hosts.add("localhost");
      hosts.add("127.0.0.1");
    }
    PkiStore pki = PkiStore.inHome(home.resolve(environment));
    ServerCredentials credentials = pki.serverCredentials(serverName, hosts);
    return new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile());
  }
}
