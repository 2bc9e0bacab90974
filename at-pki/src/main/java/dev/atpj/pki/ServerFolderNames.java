package dev.atpj.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns a server name (e.g. {@code directory}, an atSign such as {@code alice} or {@code 🛠bob})
 * into a folder name that is safe on every file system, stable, and unique per name.
 *
 * <ul>
 *   <li>A name of 1 to 64 characters from {@code [a-z0-9._-]} starting with a letter or digit is
 *       kept as it is: {@code alice}, {@code directory}, {@code bob.test}.
 *   <li>Any other name becomes {@code _} followed by the lower-case hex of its UTF-8 bytes:
 *       {@code @alice} becomes {@code _40616c696365}.
 *   <li>When that would be longer than 129 characters, the name becomes {@code _sha256-} followed
 *       by the hex SHA-256 of its UTF-8 bytes.
 * </ul>
 *
 * <p>The three forms cannot collide: kept names never start with {@code _}, and hex never contains
 * {@code s} or {@code -}. Distinct names give distinct folders (up to SHA-256 collisions for very
 * long names).
 */
public final class ServerFolderNames {
  private static final Pattern PLAIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final int MAX_HEX_LENGTH = 128;

  private ServerFolderNames() {}

  /**
   * The folder name for a server name.
   *
   * @param name any non-empty name
   * @return a file-system-safe folder name
   * @throws IllegalArgumentException when the name is empty
   */
  public static String of(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a server name must not be empty");
    }
    if (PLAIN.matcher(name).matches()) {
      return name;
    }
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    if (utf8.length * 2 <= MAX_HEX_LENGTH) {
      return "_" + HexFormat.of().formatHex(utf8);
    }
    return "_sha256-" + HexFormat.of().formatHex(sha256(utf8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
