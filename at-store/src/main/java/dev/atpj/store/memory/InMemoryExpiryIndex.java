package dev.atpj.store.memory;

import dev.atpj.store.StoredValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The expiry index of an {@link InMemoryAtStore}; guarded by the store's lock. */
final class InMemoryExpiryIndex {
  private final TreeSet<TimeKey> entries = new TreeSet<>();

  /** Moves a key's entry from its old value's expiry to its new value's. */
  void update(String key, StoredValue old, StoredValue now) {
    if (old != null && old.metadata().expiresAt() != null) {
      entries.remove(new TimeKey(old.metadata().expiresAt().toEpochMilli(), key));
    }
    if (now != null && now.metadata().expiresAt() != null) {
      entries.add(new TimeKey(now.metadata().expiresAt().toEpochMilli(), key));
    }
  }

  /** Keys expired at {@code now}, earliest first. */
  List<String> expired(Instant now, int max) {
    List<String> out = new ArrayList<>();
    for (TimeKey tk : entries) {
      if (out.size() >= max || tk.millis() > now.toEpochMilli()) {
        break;
      }
      out.add(tk.name());
    }
    return out;
  }
}
