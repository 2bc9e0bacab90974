package dev.atpj.cli.client;

import dev.atpj.cli.common.CliException;
import dev.atpj.client.AtClient;
import dev.atpj.client.sync.ConflictPolicy;
import dev.atpj.protocol.AtException;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An {@link AtClient} for one command, with the RocksDB replica it may use; closing it closes both.
 */
final class ClientSession implements AutoCloseable {
  private final AtClient client;
  private final StoreEnvironment stores;
  private final AtStore store;

  private ClientSession(AtClient client, StoreEnvironment stores, AtStore store) {
    this.client = client;
    this.stores = stores;
    this.store = store;
  }

  static ClientSession open(TargetOptions options, TargetOptions.Target target, Path replica) {
    return open(options, target, replica, ConflictPolicy.REMOTE_WINS);
  }

  static ClientSession open(
      TargetOptions options, TargetOptions.Target target, Path replica, ConflictPolicy policy) {
    AtClient.Builder builder = options.client(target).conflictPolicy(policy);
    if (replica == null) {
      return new ClientSession(builder.build(), null, null);
    }
    if (Files.exists(replica) && !Files.isDirectory(replica)) {
      throw new CliException(replica + " is not a folder: --replica names the replica's folder");
    }
    StoreEnvironment stores = new StoreEnvironment();
    try {
      AtStore store;
      try {
        store = stores.open(replica, StoreConfig.DEFAULT, Clock.systemUTC());
      } catch (AtException e) {
        throw new CliException("cannot open the replica in " + replica + ": " + e.detail(), e);
      }
      return new ClientSession(builder.replica(store).build(), stores, store);
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
  }

  AtClient client() {
    return client;
  }

  boolean hasReplica() {
    return store != null;
  }

  @Override
  public void close() {
    client.close();
    if (stores != null) {
      stores.close();
    }
  }
}
