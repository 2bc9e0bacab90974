package dev.atpj.client.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recent notification ids, bounded, to drop the duplicates a replay brings. */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Remembers an id; false when it was already known. */
  synchronized boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }
}
