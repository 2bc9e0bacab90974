package dev.atpj.store.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.CompactionJobInfo;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.RocksDB;

/**
 * Keeps a store's files to its owner: the store holds the atSign's CRAM secret and private keys.
 * The store's folder is {@code 700} (created so, and tightened when it exists), so nothing in it
 * can be reached by another local user whatever mode RocksDB gives its files; its files are set to
 * {@code 600} when the store opens and after every flush and compaction (RocksDB creates files with
 * the process's umask and offers no mode of its own). Nothing happens on file systems without POSIX
 * permissions.
 */
final class OwnerOnlyFiles {
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates a store's folder (and missing parents) with mode {@code 700}, or tightens it to that.
   *
   * @param dir the store's folder
   * @throws IOException when it cannot be created or changed
   */
  static void createFolder(Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent, folderAttributes(parent));
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, folderAttributes(dir));
    }
    if (isPosix(dir)) {
      Files.setPosixFilePermissions(dir, FOLDER);
    }
  }

  /**
   * Sets every file directly in the folder to mode {@code 600}.
   *
   * @param dir the store's folder
   * @throws UncheckedIOException when the folder cannot be listed or a file changed
   */
  static void restrictFiles(Path dir) {
    if (!isPosix(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!Files.getPosixFilePermissions(file).equals(FILE)) {
          Files.setPosixFilePermissions(file, FILE);
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // a file RocksDB deleted meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A RocksDB listener that restricts the folder's files after each flush and compaction (new
   * table, log and manifest files).
   *
   * @param dir the store's folder
   * @return the listener (a native object: close it with the store)
   */
  static AbstractEventListener listener(Path dir) {
    return new AbstractEventListener(
        List.of(
                AbstractEventListener.EnabledEventCallback.ON_FLUSH_COMPLETED,
                AbstractEventListener.EnabledEventCallback.ON_COMPACTION_COMPLETED)
            .toArray(AbstractEventListener.EnabledEventCallback[]::new)) {
      @Override
      public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
        restrictQuietly(dir);
      }

      @Override
      public void onCompactionCompleted(RocksDB db, CompactionJobInfo info) {
        restrictQuietly(dir);
      }
    };
  }

  private static void restrictQuietly(Path dir) {
    try {
      restrictFiles(dir);
    } catch (RuntimeException e) {
      // On a RocksDB thread: the folder's own mode still keeps the files private.
    }
  }

  private static FileAttribute<?>[] folderAttributes(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && isPosix(existing)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
