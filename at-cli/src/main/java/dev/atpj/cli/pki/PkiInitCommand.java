package dev.atpj.cli.pki;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.HomeOption;
import dev.atpj.pki.CertificateAuthority;
import dev.atpj.pki.KeyStores;
import dev.atpj.pki.Pem;
import dev.atpj.pki.PkiStore;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp pki init}. */
@Command(
    name = "init",
    header = "Create the private CA (or keep the valid one).",
    sortOptions = false,
    showDefaultValues = true,
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Creates the home folder's private CA (<home>/pki/ca.pem and ca.key), or keeps the one"
          + " there while it is valid. Clients trust ca.pem; with --trust-store it is also written"
          + " as a PKCS#12 trust store for Java clients such as at_java"
          + " (-Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD).",
      ""
    })
final class PkiInitCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;

  @Mixin private HomeOption home;

  @Option(
      names = "--force",
      description =
          "Replace the CA even when it is valid (every server certificate is reissued on its next use).")
  private boolean force;

  @Option(
      names = "--trust-store",
      paramLabel = "FILE",
      description = "Also write the CA as a PKCS#12 trust store to FILE.")
  private Path trustStore;

  @Option(
      names = "--trust-store-password",
      paramLabel = "PASSWORD",
      defaultValue = "changeit",
      description = "Password of the trust store.")
  private String trustStorePassword;

  PkiInitCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PkiStore pki = PkiStore.inHome(home.resolve(environment));
    X509Certificate before = currentCertificate(pki);
    CertificateAuthority ca;
    if (force) {
      ca = CertificateAuthority.create();
      pki.replaceCertificateAuthority(ca);
      out.println("created a new CA (replacing any old one): " + pki.caCertFile());
    } else {
      ca = pki.certificateAuthority();
      boolean kept = ca.certificate().equals(before);
      out.println((kept ? "kept the CA: " : "created a CA: ") + pki.caCertFile());
    }
    CertificatePrinter.print(out, "  ", ca.certificate());
    if (trustStore != null) {
      Path file = trustStore.toAbsolutePath();
      KeyStores.writeTrustStore(file, List.of(ca.certificate()), trustStorePassword.toCharArray());
      out.println("wrote trust store " + file + " (PKCS#12)");
    }
    return 0;
  }

  private static X509Certificate currentCertificate(PkiStore pki) {
    if (!Files.isRegularFile(pki.caCertFile())) {
      return null;
    }
    try {
      return Pem.readCertificate(pki.caCertFile());
    } catch (IOException e) {
      return null;
    }
  }
}
