package dev.atpj.cli.up;

import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.PkiStore;
import dev.atpj.protocol.AtSign;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;

/**
 * The files of a private atPlatform under its home folder.
 *
 * <pre>
 * platform.json            written when ready: addresses, CA, secrets, keys files (mode 600)
 * assignments.json         each atSign's slot, port and CRAM secret, kept across runs (mode 600)
 * directory.json           the atDirectory's registry ({@code atp directory add|remove|list})
 * pki/ca.pem, ca.key       the private CA; pki/servers/&lt;name&gt;/cert.pem, key.pem per server
 * pki/truststore.p12       the CA as a PKCS#12 trust store for Java clients (password changeit)
 * keys/@alice_key.atKeys   each atSign's keys, onboarded by up (mode 600)
 * storage/&lt;atSign&gt;/         each atServer's data
 * up.lock                  held while up runs
 * </pre>
 *
 * @param home the home folder, absolute
 */
public record PlatformLayout(Path home) {
  /** Name of the ready file. */
  public static final String PLATFORM_FILE = "platform.json";

  /** The home folder made absolute. */
  public PlatformLayout {
    home = home.toAbsolutePath().normalize();
  }

  /** {@code platform.json}. */
  public Path platformFile() {
    return home.resolve(PLATFORM_FILE);
  }

  /** {@code assignments.json}. */
  public Path assignmentsFile() {
    return home.resolve("assignments.json");
  }

  /** {@code directory.json}: the atDirectory's registry. */
  public Path registryFile() {
    return home.resolve("directory.json");
  }

  /** The PKI of the home folder. */
  public PkiStore pki() {
    return PkiStore.inHome(home);
  }

  /**
   * The PKI of the home folder, issuing server certificates of a key type.
   *
   * @param serverKeyAlgorithm the servers' key type
   * @return the store
   */
  public PkiStore pki(KeyAlgorithm serverKeyAlgorithm) {
    return PkiStore.inHome(home, serverKeyAlgorithm);
  }

  /** {@code pki/truststore.p12}. */
  public Path trustStoreFile() {
    return home.resolve(PkiStore.DIRECTORY_NAME).resolve("truststore.p12");
  }

  /** {@code keys/}. */
  public Path keysDirectory() {
    return home.resolve("keys");
  }

  /** {@code keys/@alice_key.atKeys}. */
  public Path keysFile(AtSign atSign) {
    return keysDirectory().resolve(AtKeysFile.fileName(atSign));
  }

  /** {@code storage/}. */
  public Path storageRoot() {
    return home.resolve("storage");
  }

  /** The storage folder of an atSign. */
  public Path storage(AtSign atSign) {
    return StoreEnvironment.folderFor(storageRoot(), atSign.toString());
  }

  /** {@code up.lock}. */
  public Path lockFile() {
    return home.resolve("up.lock");
  }

  /** The PKI server name of the atDirectory. */
  public static String directoryServerName() {
    return "directory";
  }

  /** The PKI server name of an atSign's atServer (never the directory's). */
  public static String serverName(AtSign atSign) {
    return "atsign-" + atSign.name();
  }
}
