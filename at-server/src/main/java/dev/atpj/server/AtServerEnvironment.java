package dev.atpj.server;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.DirectoryClients;
import dev.atpj.server.core.EventLoops;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.time.Clock;
import java.util.Objects;

/**
 * What every atServer of a process shares: the event loops, the storage environment (block cache,
 * write buffers, commit threads), the clock, the crypto (its provider tables are large) and the
 * atDirectory clients (one answer cache and one kept connection per directory, not per atSign). The
 * owner creates it once and closes its parts after every server using them has stopped; the
 * directory clients close themselves when the last server using them stops. Several environments
 * may live in one process (independent platforms side by side); they share nothing.
 *
 * @param loops the shared event loops
 * @param stores the shared storage environment
 * @param clock the clock every server reads
 * @param crypto the crypto every server uses (thread-safe)
 * @param directories the atDirectory clients every server uses, reference-counted
 */
public record AtServerEnvironment(
    EventLoops loops,
    StoreEnvironment stores,
    Clock clock,
    AtCrypto crypto,
    DirectoryClients directories) {
  /** Checks that every part is present. */
  public AtServerEnvironment {
    Objects.requireNonNull(loops, "loops");
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(directories, "directories");
  }

  /**
   * An environment with its own atDirectory clients.
   *
   * @param loops the shared event loops
   * @param stores the shared storage environment
   * @param clock the clock every server reads
   * @param crypto the crypto every server uses (thread-safe)
   */
  public AtServerEnvironment(
      EventLoops loops, StoreEnvironment stores, Clock clock, AtCrypto crypto) {
    this(loops, stores, clock, crypto, new DirectoryClients(loops, System::nanoTime));
  }

  /**
   * An environment with its own crypto instance and atDirectory clients, shared by the servers
   * started with it.
   *
   * @param loops the shared event loops
   * @param stores the shared storage environment
   * @param clock the clock every server reads
   */
  public AtServerEnvironment(EventLoops loops, StoreEnvironment stores, Clock clock) {
    this(loops, stores, clock, new AtCrypto());
  }
}
