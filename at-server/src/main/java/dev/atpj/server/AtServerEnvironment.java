package dev.atpj.server;

import dev.atpj.server.core.EventLoops;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.time.Clock;
import java.util.Objects;

/**
 * What every atServer of a process shares: the event loops, the storage environment (block cache,
 * write buffers, commit threads) and the clock. The owner creates it once and closes its parts
 * after every server using them has stopped.
 *
 * @param loops the shared event loops
 * @param stores the shared storage environment
 * @param clock the clock every server reads
 */
public record AtServerEnvironment(EventLoops loops, StoreEnvironment stores, Clock clock) {
  /** Checks that every part is present. */
  public AtServerEnvironment {
    Objects.requireNonNull(loops, "loops");
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(clock, "clock");
  }
}
