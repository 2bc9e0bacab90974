package dev.atpj.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees half a file: the content goes to a temporary file in the
 * same directory, is synced, gets its permissions, and is then renamed over the target.
 *
 * <p>Permissions apply where the file system supports POSIX permissions and are ignored elsewhere.
 * The temporary file is created owner-only, so a private key is never readable by others, not even
 * for a moment.
 */
public final class AtomicFiles {
  /** {@code rw-------}: private keys. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  /** {@code rwx------}: directories this project creates (they hold keys and secrets). */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      Set.copyOf(PosixFilePermissions.fromString("rwx------"));

  /** {@code rw-r--r--}: certificates, which are public. */
  public static final Set<PosixFilePermission> WORLD_READABLE =
      Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));

  private AtomicFiles() {}

  /**
   * Writes text as UTF-8, atomically replacing the target; creates missing parent directories.
   *
   * @param target the file to write
   * @param content the text
   * @param permissions the final POSIX permissions (ignored where unsupported)
   * @throws IOException when writing or renaming fails; the target is then unchanged
   */
  public static void writeString(Path target, String content, Set<PosixFilePermission> permissions)
      throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), permissions);
  }

  /**
   * Writes bytes, atomically replacing the target; creates missing parent directories.
   *
   * @param target the file to write
   * @param content the bytes
   * @param permissions the final POSIX permissions (ignored where unsupported)
   * @throws IOException when writing or renaming fails; the target is then unchanged
   */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions)
      throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    createPrivateDirectories(directory);
    boolean posix = supportsPosix(directory);
    Path temp =
        posix
            ? Files.createTempFile(
                directory,
                "." + target.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (posix) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates a directory and its missing parents, each new one {@code rwx------} where the file
   * system has POSIX permissions (existing directories are left as they are).
   *
   * @param directory the directory
   * @throws IOException when it cannot be created
   */
  public static void createPrivateDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && supportsPosix(existing)) {
      Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    } else {
      Files.createDirectories(absolute);
    }
  }

  /**
   * Tells whether a path's file system supports POSIX permissions.
   *
   * @param path any path on the file system
   * @return true on Linux and macOS file systems, false on e.g. Windows
   */
  public static boolean supportsPosix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
