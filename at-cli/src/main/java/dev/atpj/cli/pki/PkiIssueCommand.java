package dev.atpj.cli.pki;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp pki issue HOST...}. */
@Command(
    name = "issue",
    header = "Issue a server certificate for some hosts.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Issues a new server certificate from the home folder's CA (created first if there is"
          + " none) for one or more hosts (DNS names or IP addresses; the first is also the"
          + " common name), replacing the server's old certificate. Prints where the files are:"
          + " cert.pem (certificate then CA), key.pem (PKCS#8, owner-only), and the CA file.",
      ""
    })
final class PkiIssueCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "HOST",
      arity = "1..*",
      description = "The hosts the certificate names, e.g. alice.example.com 10.0.0.5.")
  private List<String> hosts;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "The server's name, which picks its folder <home>/pki/servers/NAME (default: the first host).")
  private String name;

  @Option(
      names = "--key-algorithm",
      paramLabel = "ALG",
      converter = Converters.KeyAlgorithmConverter.class,
      defaultValue = "ec-p256",
      description =
          "Key type of the certificate: ec-p256 (default; cheapest TLS handshakes) or rsa-2048"
              + " (for clients without ECDSA).")
  private KeyAlgorithm keyAlgorithm;

  @Mixin private HomeOption home;

  PkiIssueCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PkiStore pki = PkiStore.inHome(home.resolve(environment), keyAlgorithm);
    String server = name == null ? hosts.get(0) : name;
    ServerCredentials files;
    try {
      files = pki.reissue(server, hosts);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot issue a certificate: " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("issued a certificate for " + String.join(", ", hosts));
    out.println("  cert: " + files.certFile());
    out.println("  key:  " + files.keyFile());
    out.println("  CA:   " + files.caFile());
    CertificatePrinter.print(out, "  ", files.readChain().get(0));
    return 0;
  }
}
