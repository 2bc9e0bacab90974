package dev.atpj.pki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a server certificate should say: the hosts it is for, how long it lasts and its key type.
 *
 * <p>The first host is the primary one: it becomes the subject CN. Every host becomes a subject
 * alternative name, an IP SAN for IP literals and a DNS SAN otherwise. Hosts are stored {@link
 * CertificateHosts#normalize normalised} and without duplicates.
 *
 * @param hosts the hosts, primary first; at least one
 * @param validity how long the certificate is valid from now (capped at the CA's expiry)
 * @param keyAlgorithm the type of the new key pair
 */
public record ServerCertificateRequest(
    List<String> hosts, Duration validity, KeyAlgorithm keyAlgorithm) {
  /**
   * Default validity: 825 days, the longest that Apple platforms accept for a TLS server
   * certificate, even one from a private CA.
   */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(825);

  /** Validates and normalises. */
  public ServerCertificateRequest {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a server certificate needs at least one host");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    Set<String> normalized = new LinkedHashSet<>();
    for (String host : hosts) {
      normalized.add(CertificateHosts.normalize(host));
    }
    hosts = List.copyOf(normalized);
  }

  /**
   * A request for one host with the default validity and an RSA-2048 key.
   *
   * @param host an IP literal ({@code 127.0.0.2}) or DNS name ({@code alice.example.com})
   * @return the request
   */
  public static ServerCertificateRequest forHost(String host) {
    return new ServerCertificateRequest(List.of(host), DEFAULT_VALIDITY, KeyAlgorithm.RSA_2048);
  }

  /**
   * A request for several hosts with the default validity and an RSA-2048 key.
   *
   * @param hosts the hosts, primary first
   * @return the request
   */
  public static ServerCertificateRequest forHosts(List<String> hosts) {
    return new ServerCertificateRequest(hosts, DEFAULT_VALIDITY, KeyAlgorithm.RSA_2048);
  }

  /** The primary host, which is also the subject CN. */
  public String primaryHost() {
    return hosts.get(0);
  }

  /**
   * A copy that also names more hosts, e.g. {@code localhost} and {@code 127.0.0.1}.
   *
   * @param extraHosts hosts to add after the existing ones
   * @return the new request
   */
  public ServerCertificateRequest withExtraHosts(String... extraHosts) {
    List<String> all = new ArrayList<>(hosts);
    all.addAll(List.of(extraHosts));
    return new ServerCertificateRequest(all, validity, keyAlgorithm);
  }

  /**
   * A copy with another validity.
   *
   * @param newValidity how long the certificate is valid from now
   * @return the new request
   */
  public ServerCertificateRequest withValidity(Duration newValidity) {
    return new ServerCertificateRequest(hosts, newValidity, keyAlgorithm);
  }

  /**
   * A copy with another key type.
   *
   * @param newKeyAlgorithm the type of the new key pair
   * @return the new request
   */
  public ServerCertificateRequest withKeyAlgorithm(KeyAlgorithm newKeyAlgorithm) {
    return new ServerCertificateRequest(hosts, validity, newKeyAlgorithm);
  }
}
