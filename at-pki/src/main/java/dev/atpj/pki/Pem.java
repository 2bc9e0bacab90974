package dev.atpj.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM text: certificates ({@code CERTIFICATE}) and unencrypted private keys.
 *
 * <p>Keys are always written as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the form Netty's
 * {@code SslContextBuilder.forServer(File, File)} and OpenSSL read. Reading also accepts the legacy
 * OpenSSL forms {@code RSA PRIVATE KEY} (PKCS#1) and {@code EC PRIVATE KEY} (SEC1), so a CA made
 * with {@code openssl} can be loaded. Encrypted keys are rejected. The objects returned are the
 * JDK's own ({@code CertificateFactory} and {@code KeyFactory} of the default providers).
 */
public final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /**
   * Encodes certificates as concatenated PEM blocks, in the order given (leaf first for a chain).
   *
   * @param certificates the certificates
   * @return PEM text ending with a newline
   */
  public static String encodeCertificates(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        out.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
    return out.toString();
  }

  /**
   * Encodes one certificate as a PEM block.
   *
   * @param certificate the certificate
   * @return PEM text ending with a newline
   */
  public static String encodeCertificate(X509Certificate certificate) {
    return encodeCertificates(List.of(certificate));
  }

  /**
   * Encodes a private key as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @param key an RSA or EC private key
   * @return PEM text ending with a newline
   */
  public static String encodePrivateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("key is not PKCS#8-encodable: " + key.getFormat());
    }
    return block("PRIVATE KEY", key.getEncoded());
  }

  /**
   * Reads all certificates of a PEM file, in file order.
   *
   * @param file a PEM file with one or more {@code CERTIFICATE} blocks
   * @return the certificates, never empty
   * @throws IOException when the file cannot be read or holds no valid certificate
   */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    return parseCertificates(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /**
   * Reads the first certificate of a PEM file (the leaf, for a chain file).
   *
   * @param file a PEM file with one or more {@code CERTIFICATE} blocks
   * @return the first certificate
   * @throws IOException when the file cannot be read or holds no valid certificate
   */
  public static X509Certificate readCertificate(Path file) throws IOException {
    return readCertificates(file).get(0);
  }

  /**
   * Reads an unencrypted private key from a PEM file.
   *
   * @param file a PEM file with a {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code EC PRIVATE
   *     KEY} block
   * @return the key
   * @throws IOException when the file cannot be read or holds no usable key
   */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    return parsePrivateKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /**
   * Parses all certificates in PEM text; other blocks are skipped.
   *
   * @param pem PEM text
   * @param source what the text came from, for error messages
   * @return the certificates, never empty
   * @throws IOException when the text holds no valid certificate
   */
  public static List<X509Certificate> parseCertificates(String pem, String source)
      throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          certificates.add(toJdk(holder.getEncoded()));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("invalid PEM in " + source + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException("no certificate in " + source);
    }
    return List.copyOf(certificates);
  }

  /**
   * Parses the first private key in PEM text.
   *
   * @param pem PEM text
   * @param source what the text came from, for error messages
   * @return the key
   * @throws IOException when the text holds no usable key or only an encrypted one
   */
  public static PrivateKey parsePrivateKey(String pem, String source) throws IOException {
    try (Reader reader = new StringReader(pem);
        PEMParser parser = new PEMParser(reader)) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof PrivateKeyInfo info) {
          return toJdk(info);
        } else if (item instanceof PEMKeyPair pair) {
          return toJdk(pair.getPrivateKeyInfo());
        } else if (item instanceof PKCS8EncryptedPrivateKeyInfo
            || item instanceof PEMEncryptedKeyPair) {
          throw new IOException("encrypted private keys are not supported: " + source);
        }
      }
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException | GeneralSecurityException e) {
      throw new IOException("invalid private key in " + source + ": " + e.getMessage(), e);
    }
    throw new IOException("no private key in " + source);
  }

  private static X509Certificate toJdk(byte[] der) throws IOException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IOException("invalid certificate: " + e.getMessage(), e);
    }
  }

  private static PrivateKey toJdk(PrivateKeyInfo info)
      throws IOException, GeneralSecurityException {
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    String family;
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      family = "RSA";
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      family = "EC";
    } else {
      throw new IOException("unsupported private key algorithm " + algorithm);
    }
    return KeyFactory.getInstance(family)
        .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + BASE64.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
