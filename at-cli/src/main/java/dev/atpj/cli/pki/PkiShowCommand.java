package dev.atpj.cli.pki;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.pki.Pem;
import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp pki show [FILE]}. */
@Command(
    name = "show",
    header = "Show a certificate file, or the CA and its server certificates.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Shows the certificates in a PEM file, or without FILE the home folder's CA and every"
          + " server certificate it issued (subject, hosts, validity, SHA-256 fingerprint).",
      ""
    })
final class PkiShowCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "A PEM file of certificates.")
  private Path file;

  @Mixin private HomeOption home;

  PkiShowCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (file != null) {
      List<X509Certificate> chain = Pem.readCertificates(file.toAbsolutePath());
      for (int i = 0; i < chain.size(); i++) {
        out.println(file + (chain.size() > 1 ? " [" + i + "]" : "") + ":");
        CertificatePrinter.print(out, "  ", chain.get(i));
      }
      return 0;
    }
    PkiStore pki = PkiStore.inHome(home.resolve(environment));
    if (!pki.hasCertificateAuthority()) {
      throw new CliException(
          "no CA in " + pki.directory() + "; create one with `atp pki init` or `atp up`");
    }
    out.println("CA " + pki.caCertFile() + ":");
    CertificatePrinter.print(out, "  ", Pem.readCertificate(pki.caCertFile()));
    for (String folder : pki.serverFolders()) {
      Path cert =
          pki.directory()
              .resolve(PkiStore.SERVERS_DIRECTORY_NAME)
              .resolve(folder)
              .resolve(ServerCredentials.CERT_FILE_NAME);
      if (!Files.isRegularFile(cert)) {
        continue;
      }
      out.println("server " + folder + " " + cert + ":");
      CertificatePrinter.print(out, "  ", Pem.readCertificates(cert).get(0));
    }
    return 0;
  }
}
