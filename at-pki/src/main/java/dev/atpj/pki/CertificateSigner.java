package dev.atpj.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 v3 certificates with BouncyCastle's builders and the JDK's signature
 * providers. Package-private: callers go through {@link CertificateAuthority}.
 */
final class CertificateSigner {
  /** Serial numbers: 127 random bits, positive, well under the 20-octet limit of RFC 5280. */
  private static final int SERIAL_BITS = 127;

  private CertificateSigner() {}

  /** A self-signed CA certificate. */
  static X509Certificate selfSignedCa(
      X500Name subject,
      PublicKey publicKey,
      PrivateKey privateKey,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              publicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      return sign(builder, privateKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build CA certificate", e);
    }
  }

  /** A leaf certificate for TLS servers that also acts as a TLS client (server-to-server). */
  static X509Certificate serverLeaf(
      X509Certificate ca,
      PrivateKey caKey,
      List<String> hosts,
      PublicKey publicKey,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
      X500Name subject = new X500NameBuilder().addRDN(BCStyle.CN, hosts.get(0)).build();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              publicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage = KeyUsage.digitalSignature;
      if ("RSA".equals(publicKey.getAlgorithm())) {
        usage |= KeyUsage.keyEncipherment; // RSA key exchange (TLS 1.2 clients); meaningless for EC
      }
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hosts));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(ca, utils));
      return sign(builder, caKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build server certificate", e);
    }
  }

  private static GeneralNames subjectAltNames(List<String> hosts) {
    GeneralName[] names = new GeneralName[hosts.size()];
    for (int i = 0; i < names.length; i++) {
      String host = hosts.get(i);
      int type = CertificateHosts.isIpLiteral(host) ? GeneralName.iPAddress : GeneralName.dNSName;
      names[i] = new GeneralName(type, host);
    }
    return new GeneralNames(names);
  }

  /** Uses the CA's own subject key identifier when it has one, so chains link up exactly. */
  private static AuthorityKeyIdentifier authorityKeyIdentifier(
      X509Certificate ca, JcaX509ExtensionUtils utils) {
    byte[] extension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension != null) {
      byte[] keyId =
          SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
              .getKeyIdentifier();
      return new AuthorityKeyIdentifier(keyId);
    }
    return utils.createAuthorityKeyIdentifier(ca.getPublicKey());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
      throws GeneralSecurityException {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(signingKey))
              .build(signingKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1);
  }
}
