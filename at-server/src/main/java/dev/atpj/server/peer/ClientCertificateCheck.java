package dev.atpj.server.peer;

import dev.atpj.pki.CertificateHosts;
import dev.atpj.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Checks the client certificate of a connection that claims another atSign with {@code from:}
 * (docs/protocol.md Part A §8, B5; whitepaper "from"): the certificate must name the host the
 * atDirectory gives for that atSign (exact SAN or CN match, {@link CertificateHosts#matchesHost})
 * and its chain must lead to a trusted CA: the server's configured CA, or the JDK's trust store
 * when none is configured. The TLS layer accepts any client certificate; this is where it is
 * judged. Validity dates are judged on the real time, as the TLS layer does (not on the server's
 * injected clock, which tests move). Thread-safe.
 */
final class ClientCertificateCheck {
  private final Set<TrustAnchor> anchors;
  private final Set<X509Certificate> anchorCertificates;

  /**
   * A check.
   *
   * @param trustedCa PEM file of the CA certificates to trust, or null for the JDK's trust store
   */
  ClientCertificateCheck(Path trustedCa) {
    List<X509Certificate> trusted = trustedCa == null ? jdkTrusted() : read(trustedCa);
    this.anchorCertificates = new HashSet<>(trusted);
    this.anchors = new HashSet<>();
    for (X509Certificate certificate : trusted) {
      anchors.add(new TrustAnchor(certificate, null));
    }
  }

  /**
   * Whether a presented chain may speak for an atSign whose atServer is on a host.
   *
   * @param chain the client's certificates, leaf first; empty when it presented none
   * @param host the host part of the atDirectory's answer for the claimed atSign
   * @return true when the leaf names the host and the chain is trusted
   */
  boolean accepts(List<X509Certificate> chain, String host) {
    return !chain.isEmpty() && CertificateHosts.matchesHost(chain.get(0), host) && trusted(chain);
  }

  private boolean trusted(List<X509Certificate> chain) {
    if (anchors.isEmpty()) {
      return false;
    }
    List<X509Certificate> path = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      if (!anchorCertificates.contains(certificate)) {
        path.add(certificate);
      }
    }
    if (path.isEmpty()) {
      return false; // a bare CA certificate is no client identity
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static List<X509Certificate> read(Path file) {
    try {
      return Pem.readCertificates(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trusted CA file " + file, e);
    }
  }

  private static List<X509Certificate> jdkTrusted() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return List.of(x509.getAcceptedIssuers());
        }
      }
      return List.of();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JDK trust store", e);
    }
  }
}
