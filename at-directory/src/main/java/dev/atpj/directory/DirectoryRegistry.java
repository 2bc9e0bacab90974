package dev.atpj.directory;

import dev.atpj.protocol.AtSign;
import java.util.Map;
import java.util.Optional;

/** Where the directory looks up atServer addresses. Implementations are thread-safe. */
public interface DirectoryRegistry {
  /**
   * Finds the atServer of an atSign.
   *
   * @param atSign the atSign
   * @return its {@code host:port}, or empty when this registry does not know it
   */
  Optional<String> find(AtSign atSign);

  /** A snapshot of every entry, sorted by atSign. */
  Map<AtSign, String> entries();
}
