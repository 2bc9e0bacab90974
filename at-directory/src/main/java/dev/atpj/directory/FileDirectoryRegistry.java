package dev.atpj.directory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default registry: a map held in memory and persisted to a JSON file ({@code
 * {"@alice":"127.0.0.2:47001"}}). Changes are written atomically (temp file, fsync, rename) under a
 * file lock, so a crash never leaves a half-written registry and two writers never lose each
 * other's entries. A running directory calls {@link #reloadIfChanged()} periodically and so picks
 * up changes made by {@code ./atp directory add|remove} without a restart.
 */
public final class FileDirectoryRegistry implements DirectoryRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(FileDirectoryRegistry.class);
  private static final TypeReference<LinkedHashMap<String, String>> JSON_MAP =
      new TypeReference<>() {};

  private final Path file;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private volatile Map<AtSign, String> entries = Map.of();
  private volatile FileVersion loaded = FileVersion.MISSING;

  private record FileVersion(Object key, long modifiedMillis, long size) {
    static final FileVersion MISSING = new FileVersion(null, -1, -1);
  }

  private FileDirectoryRegistry(Path file) {
    this.file = file.toAbsolutePath();
  }

  /**
   * Opens the registry stored in a file; a missing file is an empty registry.
   *
   * @param file the JSON file
   * @return the registry
   * @throws UncheckedIOException when the file exists but cannot be read or parsed
   */
  public static FileDirectoryRegistry open(Path file) {
    FileDirectoryRegistry registry = new FileDirectoryRegistry(file);
    registry.reload(true);
    return registry;
  }

  /** The file this registry is stored in. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<String> find(AtSign atSign) {
    return Optional.ofNullable(entries.get(atSign));
  }

  @Override
  public Map<AtSign, String> entries() {
    return Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /**
   * Reads the file again if it changed since it was last read. A file that cannot be parsed is
   * logged and ignored, and the entries read before stay in use.
   *
   * @return whether new entries were loaded
   */
  public boolean reloadIfChanged() {
    if (version().equals(loaded)) {
      return false;
    }
    return reload(false);
  }

  /**
   * Adds or replaces an entry and writes the file.
   *
   * @param atSign the atSign
   * @param address where its atServer lives
   */
  public void put(AtSign atSign, HostPort address) {
    update(map -> map.put(atSign, address.toString()));
  }

  /**
   * Removes an entry and writes the file.
   *
   * @param atSign the atSign
   * @return whether it was present
   */
  public boolean remove(AtSign atSign) {
    boolean[] removed = new boolean[1];
    update(map -> removed[0] = map.remove(atSign) != null);
    return removed[0];
  }

  private interface Change {
    void apply(Map<AtSign, String> map);
  }

  private synchronized void update(Change change) {
    try {
      boolean posix =
          Files.getFileAttributeView(
                  file.toAbsolutePath().getRoot(),
                  java.nio.file.attribute.PosixFileAttributeView.class)
              != null;
      if (!Files.isDirectory(file.getParent())) {
        Files.createDirectories(file.getParent(), ownerOnly(posix, "rwx------"));
      }
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel lockChannel =
              FileChannel.open(
                  lockFile,
                  java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                  ownerOnly(posix, "rw-------"));
          FileLock lock = lockChannel.lock()) {
        reload(true);
        Map<AtSign, String> map = new TreeMap<>(entries);
        change.apply(map);
        write(map);
        entries = Map.copyOf(map);
        loaded = version();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write directory registry " + file, e);
    }
  }

  /** Folders and the lock file are the owner's only, as everything under an atpj home. */
  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(boolean posix, String mode) {
    return posix
        ? new java.nio.file.attribute.FileAttribute<?>[] {
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString(mode))
        }
        : new java.nio.file.attribute.FileAttribute<?>[0];
  }

  private void write(Map<AtSign, String> map) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((atSign, address) -> out.put(atSign.toString(), address));
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(out)));
        channel.force(true);
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private boolean reload(boolean strict) {
    FileVersion version = version();
    try {
      Map<AtSign, String> map = new TreeMap<>();
      if (version != FileVersion.MISSING) {
        Map<String, String> raw = json.readValue(file.toFile(), JSON_MAP);
        for (Map.Entry<String, String> e : raw.entrySet()) {
          map.put(AtSign.parse(e.getKey()), HostPort.parse(e.getValue()).toString());
        }
      }
      entries = Map.copyOf(map);
      loaded = version;
      return true;
    } catch (IOException | IllegalArgumentException | AtException e) {
      if (strict) {
        throw new UncheckedIOException(
            new IOException("cannot read directory registry " + file + ": " + e.getMessage(), e));
      }
      LOG.warn("ignoring unreadable directory registry {}: {}", file, e.getMessage());
      loaded = version;
      return false;
    }
  }

  private FileVersion version() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileVersion(
          attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size());
    } catch (NoSuchFileException e) {
      return FileVersion.MISSING;
    } catch (IOException e) {
      return FileVersion.MISSING;
    }
  }
}
