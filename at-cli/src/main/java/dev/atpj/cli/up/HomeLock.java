package dev.atpj.cli.up;

import dev.atpj.cli.common.CliException;
import dev.atpj.pki.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The lock that keeps two {@code atp up} off one home folder: an exclusive lock on {@code up.lock},
 * which holds the owner's process id. The operating system releases it when the process ends,
 * however it ends.
 */
final class HomeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock.
   *
   * @param file the lock file
   * @param home the home folder, for the message
   * @return the held lock
   * @throws CliException when another process (or this one) holds it
   */
  static HomeLock acquire(Path file, Path home) throws IOException {
    AtomicFiles.createPrivateDirectories(file.getParent());
    FileChannel channel =
        AtomicFiles.supportsPosix(file.getParent())
            ? FileChannel.open(
                file,
                Set.of(
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY))
            : FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
      throw new CliException(
          "another `atp up`"
              + (owner.isEmpty() ? "" : " (process " + owner + ")")
              + " is running with home "
              + home
              + "; stop it first, or choose another --home");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    channel.force(false);
    return new HomeLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }
}
