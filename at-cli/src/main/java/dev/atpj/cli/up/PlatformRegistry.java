package dev.atpj.cli.up;

import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.directory.ServerAddress;
import dev.atpj.protocol.AtSign;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps the directory registry of {@code atp up} in step with the servers it runs. */
final class PlatformRegistry {
  private PlatformRegistry() {}

  /** Points the registry at the running servers; forgets atSigns assigned but not running. */
  static FileDirectoryRegistry update(
      Path file, List<RunningAtSign> running, Set<AtSign> assigned) {
    FileDirectoryRegistry registry = FileDirectoryRegistry.open(file);
    for (RunningAtSign served : running) {
      ServerAddress address = new ServerAddress(served.address().host(), served.address().port());
      if (!registry.find(served.atSign()).equals(Optional.of(address.toString()))) {
        registry.put(served.atSign(), address);
      }
    }
    for (AtSign atSign : assigned) {
      if (running.stream().noneMatch(r -> r.atSign().equals(atSign))) {
        registry.remove(atSign);
      }
    }
    return registry;
  }
}
