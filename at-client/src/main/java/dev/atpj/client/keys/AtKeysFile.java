package dev.atpj.client.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.TreeMap;

/**
 * Reads and writes the official atKeys file (docs/protocol.md C6): a JSON object whose four RSA
 * fields are {@code base64(AES-256-CTR(base64 key text, selfEncryptionKey, zero IV, PKCS#7))} and
 * whose {@code selfEncryptionKey} is stored in clear. Files written here carry the five fields
 * at_java reads plus the {@code "@alice"} field the Dart SDK writes; files from either SDK load
 * (extra fields such as {@code apkamSymmetricKey} or {@code enrollmentId} are ignored).
 */
public final class AtKeysFile {
  static final String ENCRYPT_PRIVATE = "aesEncryptPrivateKey";
  static final String ENCRYPT_PUBLIC = "aesEncryptPublicKey";
  static final String PKAM_PRIVATE = "aesPkamPrivateKey";
  static final String PKAM_PUBLIC = "aesPkamPublicKey";
  static final String SELF = "selfEncryptionKey";

  private final AtCrypto crypto;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Creates a reader/writer.
   *
   * @param crypto the crypto conventions
   */
  public AtKeysFile(AtCrypto crypto) {
    this.crypto = crypto;
  }

  /** The conventional file name, e.g. {@code @alice_key.atKeys}. */
  public static String fileName(AtSign atSign) {
    return atSign + "_key.atKeys";
  }

  /**
   * Renders keys as the file's JSON text.
   *
   * @param atSign the keys' atSign
   * @param keys the keys
   * @return the JSON text
   */
  public String toJson(AtSign atSign, AtKeys keys) {
    String self = keys.selfEncryptionKey();
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put(ENCRYPT_PRIVATE, crypto.aesEncrypt(keys.encryptionPrivateKey(), self, null));
    fields.put(ENCRYPT_PUBLIC, crypto.aesEncrypt(keys.encryptionPublicKey(), self, null));
    fields.put(PKAM_PRIVATE, crypto.aesEncrypt(keys.pkamPrivateKey(), self, null));
    fields.put(PKAM_PUBLIC, crypto.aesEncrypt(keys.pkamPublicKey(), self, null));
    fields.put(SELF, self);
    fields.put(atSign.toString(), self);
    try {
      return json.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the file's JSON text.
   *
   * @param text the JSON text
   * @return the keys
   * @throws AtException with {@link AtErrorCode#CLIENT_EXCEPTION} when a field is missing or the
   *     keys do not decrypt
   */
  public AtKeys fromJson(String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (IOException e) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "the atKeys file is not JSON", e);
    }
    if (!(root instanceof ObjectNode)) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "the atKeys file is not a JSON object");
    }
    String self = field(root, SELF);
    AtKeys keys =
        new AtKeys(
            crypto.aesDecrypt(field(root, PKAM_PUBLIC), self, null),
            crypto.aesDecrypt(field(root, PKAM_PRIVATE), self, null),
            crypto.aesDecrypt(field(root, ENCRYPT_PUBLIC), self, null),
            crypto.aesDecrypt(field(root, ENCRYPT_PRIVATE), self, null),
            self);
    crypto.decodePublicKey(keys.pkamPublicKey());
    crypto.decodePrivateKey(keys.pkamPrivateKey());
    crypto.decodePublicKey(keys.encryptionPublicKey());
    crypto.decodePrivateKey(keys.encryptionPrivateKey());
    return keys;
  }

  /**
   * Writes a keys file atomically, readable by its owner only.
   *
   * @param file the file
   * @param atSign the keys' atSign
   * @param keys the keys
   */
  public void write(Path file, AtSign atSign, AtKeys keys) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        createOwnerOnly(dir);
      }
      Path temp = Files.createTempFile(dir, ".atkeys", ".tmp");
      try {
        restrict(temp);
        Files.writeString(temp, toJson(atSign, keys));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a keys file.
   *
   * @param file the file
   * @return the keys
   */
  public AtKeys read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String field(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new AtException(
          AtErrorCode.CLIENT_EXCEPTION, "the atKeys file has no '" + name + "' field");
    }
    return value.asText();
  }

  /**
   * Creates the keys folder (and missing parents) {@code rwx------} where POSIX permissions exist.
   */
  private static void createOwnerOnly(Path dir) throws IOException {
    Path existing = dir.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null
        && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: rely on the folder's permissions.
    }
  }
}
