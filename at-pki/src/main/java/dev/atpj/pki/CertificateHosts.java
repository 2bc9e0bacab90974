package dev.atpj.pki;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.util.IPAddress;

/**
 * Host names in certificates: what a certificate names, whether it names a given host, and how a
 * host string is normalised (IP literal or DNS name).
 *
 * <p><b>Matching is exact</b> (docs/protocol.md B5): {@link #matchesHost} accepts a certificate
 * when one of its DNS SANs equals the host ignoring case and a trailing dot, one of its IP SANs is
 * the same address as an IP-literal host, or a subject CN equals the host ignoring case. The
 * reference atServer does a <em>substring</em> match against the subject string, SAN list and CN,
 * which lets {@code notalice.example.com} pass for {@code alice.example.com}; we do not copy that.
 * Wildcard SANs are not expanded (the reference does not either).
 */
public final class CertificateHosts {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;
  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

  private CertificateHosts() {}

  /**
   * Tells whether a host string is an IPv4 or IPv6 literal ({@code 127.0.0.2}, {@code ::1}, {@code
   * [::1]}). Never does a DNS lookup.
   *
   * @param host a host as given by a user or a directory entry
   * @return true for an IP literal
   */
  public static boolean isIpLiteral(String host) {
    return IPAddress.isValid(stripBrackets(host.trim()));
  }

  /**
   * Normalises a host for a certificate: IP literals to the JDK's canonical text ({@code ::1}
   * becomes {@code 0:0:0:0:0:0:0:1}), DNS names to lower-case ASCII (IDN names to punycode) without
   * a trailing dot.
   *
   * @param host an IP literal or DNS name
   * @return the canonical form
   * @throws IllegalArgumentException when the host is neither
   */
  public static String normalize(String host) {
    String trimmed = stripBrackets(host.trim());
    if (IPAddress.isValid(trimmed)) {
      return ipLiteral(trimmed).getHostAddress();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a host name: " + host, e);
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.length() > 253 || !DNS_NAME.matcher(ascii).matches()) {
      throw new IllegalArgumentException("not a host name: " + host);
    }
    return ascii;
  }

  /**
   * Tells whether a certificate names a host: exact SAN or CN match, see the class comment.
   *
   * @param certificate the peer's certificate
   * @param host an IP literal or DNS name, e.g. the host part of a directory entry
   * @return true when the certificate names the host
   */
  public static boolean matchesHost(X509Certificate certificate, String host) {
    String wanted;
    try {
      wanted = normalize(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String name : namesOf(certificate)) {
      String candidate;
      try {
        candidate = normalize(name);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (candidate.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The DNS and IP subject alternative names of a certificate, in certificate order (IP addresses
   * in the JDK's text form).
   *
   * @param certificate a certificate
   * @return the SAN entries of type DNS or IP; empty when there are none
   */
  public static List<String> subjectAlternativeNames(X509Certificate certificate) {
    Collection<List<?>> entries;
    try {
      entries = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    if (entries == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (List<?> entry : entries) {
      Object type = entry.get(0);
      if (type instanceof Integer code && (code == SAN_DNS || code == SAN_IP)) {
        names.add(String.valueOf(entry.get(1)));
      }
    }
    return List.copyOf(names);
  }

  /**
   * The common names (CN) in a certificate's subject.
   *
   * @param certificate a certificate
   * @return the CN values, usually one
   */
  public static List<String> commonNames(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    List<String> names = new ArrayList<>();
    for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
      names.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
    }
    return List.copyOf(names);
  }

  /**
   * Every host a certificate names: its DNS and IP SANs, then its subject CNs.
   *
   * @param certificate a certificate
   * @return the names, possibly with duplicates (a CN usually repeats the first SAN)
   */
  public static List<String> namesOf(X509Certificate certificate) {
    List<String> names = new ArrayList<>(subjectAlternativeNames(certificate));
    names.addAll(commonNames(certificate));
    return List.copyOf(names);
  }

  private static InetAddress ipLiteral(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  private static String stripBrackets(String host) {
    if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }
}
