package dev.atpj.server;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.EventLoops;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.time.Clock;
import java.util.Objects;

/**
 * What every atServer of a process shares: the event loops, the storage environment (block cache,
 * write buffers, commit threads), the clock and the crypto (its provider tables are large). The
 * owner creates it once and closes its parts after every server using them has stopped. Several
 * environments may live in one process (independent platforms side by side).
 *
 * @param loops the shared event loops
 * @param stores the shared storage environment
 * @param clock the clock every server reads
 * @param crypto the crypto every server uses (thread-safe)
 */
public record AtServerEnvironment(
    EventLoops loops, StoreEnvironment stores, Clock clock, AtCrypto crypto) {
  /** Checks that every part is present. */
  public AtServerEnvironment {
    Objects.requireNonNull(loops, "loops");
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(crypto, "crypto");
  }

  /**
   * An environment with its own crypto instance, shared by the servers started with it.
   *
   * @param loops the shared event loops
   * @param stores the shared storage environment
   * @param clock the clock every server reads
   */
  public AtServerEnvironment(EventLoops loops, StoreEnvironment stores, Clock clock) {
    this(loops, stores, clock, new AtCrypto());
  }
}
