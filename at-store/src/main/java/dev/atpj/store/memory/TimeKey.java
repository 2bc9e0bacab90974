package dev.atpj.store.memory;

import dev.atpj.store.internal.KeyOrder;
import java.util.Comparator;

/** A (millis, name) pair ordered like the RocksDB time-index keys. */
record TimeKey(long millis, String name) implements Comparable<TimeKey> {
  private static final Comparator<TimeKey> ORDER =
      Comparator.comparingLong(TimeKey::millis).thenComparing(TimeKey::name, KeyOrder.CODE_POINT);

  @Override
  public int compareTo(TimeKey o) {
    return ORDER.compare(this, o);
  }
}
