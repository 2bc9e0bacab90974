package dev.atpj.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * JDK key stores and TLS managers built from certificates and keys in memory, for code that uses
 * JSSE directly ({@code SSLContext}) rather than PEM files.
 */
public final class KeyStores {
  private static final String KEY_ALIAS = "server";
  private static final char[] NO_PASSWORD = new char[0];

  private KeyStores() {}

  /**
   * An in-memory PKCS#12 store of trusted certificates.
   *
   * @param trusted the certificates to trust, usually one CA
   * @return the store
   */
  public static KeyStore trustStore(Collection<X509Certificate> trusted) {
    try {
      KeyStore store = emptyPkcs12();
      int index = 0;
      for (X509Certificate certificate : trusted) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build trust store", e);
    }
  }

  /**
   * A trust manager that trusts exactly the given certificates (and chains ending in them).
   *
   * @param trusted the certificates to trust, usually one CA
   * @return the trust manager
   */
  public static X509TrustManager trustManager(Collection<X509Certificate> trusted) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore(trusted));
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager from " + factory.getAlgorithm());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build trust manager", e);
    }
  }

  /**
   * A key manager that presents one certificate chain, as a server or as a TLS client.
   *
   * @param key the leaf's private key
   * @param chain the leaf first, then its issuers
   * @return the key manager
   */
  public static X509KeyManager keyManager(PrivateKey key, List<X509Certificate> chain) {
    try {
      KeyStore store = emptyPkcs12();
      store.setKeyEntry(KEY_ALIAS, key, NO_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, NO_PASSWORD);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509KeyManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509KeyManager from " + factory.getAlgorithm());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build key manager", e);
    }
  }

  /**
   * A key manager that presents an issued certificate with its chain.
   *
   * @param issued the certificate and key
   * @return the key manager
   */
  public static X509KeyManager keyManager(IssuedCertificate issued) {
    return keyManager(issued.privateKey(), issued.chain());
  }

  /**
   * Writes a PKCS#12 trust store, e.g. for at_java's {@code -Djavax.net.ssl.trustStore=...
   * -Djavax.net.ssl.trustStorePassword=... -Djavax.net.ssl.trustStoreType=PKCS12}.
   *
   * @param file where to write (atomically, world-readable)
   * @param trusted the certificates to trust
   * @param password the store password (Java needs one to read trusted entries)
   * @throws IOException when the file cannot be written
   */
  public static void writeTrustStore(
      Path file, Collection<X509Certificate> trusted, char[] password) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      trustStore(trusted).store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode trust store", e);
    }
    AtomicFiles.write(file, out.toByteArray(), AtomicFiles.WORLD_READABLE);
  }

  private static KeyStore emptyPkcs12() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
