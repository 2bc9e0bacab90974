package dev.atpj.cli.up;

import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the directory registry of {@code atp up} in step with the servers it runs. Entries of
 * atSigns {@code up} never assigned (added with {@code atp directory add}) are left alone.
 */
final class PlatformRegistry {
  private PlatformRegistry() {}

  /**
   * Opens the registry and forgets the atSigns that were assigned before but are not served now.
   *
   * @param file the registry file
   * @param served the atSigns served now
   * @param assigned every atSign ever assigned in this home
   * @return the registry
   */
  static FileDirectoryRegistry open(
      Path file, Collection<AtSign> served, Collection<AtSign> assigned) {
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(file);
    for (AtSign atSign : assigned) {
      if (!served.contains(atSign) && registry.find(atSign).isPresent()) {
        registry.remove(atSign);
      }
    }
    return registry;
  }

  /**
   * Points the registry at the running servers (a running directory answers from it at once).
   *
   * @param registry the registry
   * @param running the running servers
   */
  static void point(FileDirectoryRegistry registry, List<RunningAtSign> running) {
    for (RunningAtSign served : running) {
      HostPort address = served.address();
      if (!registry.find(served.atSign()).equals(Optional.of(address.toString()))) {
        registry.put(served.atSign(), address);
      }
    }
  }
}
