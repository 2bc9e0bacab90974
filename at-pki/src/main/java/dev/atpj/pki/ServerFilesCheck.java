package dev.atpj.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides whether a server's stored certificate and key can be reused. */
final class ServerFilesCheck {
  private ServerFilesCheck() {}

  /**
   * Why the files cannot be reused, if they cannot.
   *
   * @param files the server's files
   * @param ca the current CA
   * @param wanted the requested hosts (normalised, primary first) and key type
   * @param now the current time
   * @param renewBefore how long before expiry a certificate is replaced
   * @return the reason, or empty when the files are fine
   */
  static Optional<String> problem(
      ServerCredentials files,
      CertificateAuthority ca,
      ServerCertificateRequest wanted,
      Instant now,
      Duration renewBefore) {
    if (!Files.isRegularFile(files.certFile()) || !Files.isRegularFile(files.keyFile())) {
      return Optional.of("no certificate yet");
    }
    List<X509Certificate> chain;
    PrivateKey key;
    try {
      chain = files.readChain();
      key = files.readPrivateKey();
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
    X509Certificate leaf = chain.get(0);
    if (!ca.hasIssued(leaf) || chain.size() < 2 || !chain.get(1).equals(ca.certificate())) {
      return Optional.of("not issued by the current CA");
    }
    if (!KeyPairs.matches(key, leaf.getPublicKey())) {
      return Optional.of("the private key does not match the certificate");
    }
    if (leaf.getNotBefore().toInstant().isAfter(now) || expiresSoon(leaf, now, renewBefore)) {
      return Optional.of("valid " + leaf.getNotBefore() + " to " + leaf.getNotAfter());
    }
    KeyAlgorithm keyType = KeyAlgorithm.of(leaf.getPublicKey());
    if (keyType != wanted.keyAlgorithm()) {
      return Optional.of("the key is " + keyType + " but " + wanted.keyAlgorithm() + " is wanted");
    }
    List<String> wantedHosts = wanted.hosts();
    List<String> actual = normalized(CertificateHosts.subjectAlternativeNames(leaf));
    if (!wantedHosts.equals(actual)) {
      return Optional.of("names " + actual + " but " + wantedHosts + " are wanted");
    }
    return Optional.empty();
  }

  /** True when the certificate expires within {@code renewBefore} of now. */
  static boolean expiresSoon(X509Certificate certificate, Instant now, Duration renewBefore) {
    return !now.isBefore(certificate.getNotAfter().toInstant().minus(renewBefore));
  }

  private static List<String> normalized(List<String> names) {
    List<String> result = new ArrayList<>();
    for (String name : names) {
      try {
        result.add(CertificateHosts.normalize(name));
      } catch (IllegalArgumentException e) {
        result.add(name);
      }
    }
    return result;
  }
}
