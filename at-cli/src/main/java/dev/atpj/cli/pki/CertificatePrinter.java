package dev.atpj.cli.pki;

import dev.atpj.pki.CertificateInfo;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;

/** Prints a certificate summary, one {@code name: value} per line. */
final class CertificatePrinter {
  private CertificatePrinter() {}

  static void print(PrintWriter out, String indent, X509Certificate certificate) {
    CertificateInfo info = CertificateInfo.of(certificate);
    out.println(indent + "subject:     " + info.subject());
    out.println(indent + "issuer:      " + info.issuer());
    out.println(indent + "CA:          " + (info.certificateAuthority() ? "yes" : "no"));
    if (!info.hosts().isEmpty()) {
      out.println(indent + "hosts:       " + String.join(", ", info.hosts()));
    }
    out.println(indent + "valid:       " + info.notBefore() + " to " + info.notAfter());
    out.println(indent + "key:         " + info.keyAlgorithm());
    out.println(indent + "serial:      " + info.serialNumber());
    out.println(indent + "SHA-256:     " + info.sha256Fingerprint());
  }
}
