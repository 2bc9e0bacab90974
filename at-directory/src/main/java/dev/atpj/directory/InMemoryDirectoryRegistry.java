package dev.atpj.directory;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A registry held in memory only; for tests and embedded use. */
public final class InMemoryDirectoryRegistry implements DirectoryRegistry {
  private final Map<AtSign, String> entries = new ConcurrentHashMap<>();

  /**
   * Adds or replaces an entry.
   *
   * @param atSign the atSign
   * @param address where its atServer lives
   */
  public void put(AtSign atSign, HostPort address) {
    entries.put(atSign, address.toString());
  }

  /**
   * Removes an entry.
   *
   * @param atSign the atSign
   * @return whether it was present
   */
  public boolean remove(AtSign atSign) {
    return entries.remove(atSign) != null;
  }

  @Override
  public Optional<String> find(AtSign atSign) {
    return Optional.ofNullable(entries.get(atSign));
  }

  @Override
  public Map<AtSign, String> entries() {
    return Collections.unmodifiableMap(new TreeMap<>(entries));
  }
}
