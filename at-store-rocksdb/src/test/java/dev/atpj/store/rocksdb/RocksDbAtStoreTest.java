package dev.atpj.store.rocksdb;

import dev.atpj.store.AtStore;
import dev.atpj.store.AtStoreContract;
import dev.atpj.store.CommitLogContract;
import dev.atpj.store.ExpiryContract;
import dev.atpj.store.RecordLogContract;
import dev.atpj.store.StoreConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class RocksDbAtStoreTest extends AtStoreContract
    implements CommitLogContract, ExpiryContract, RecordLogContract {
  private static StoreEnvironment env;
  @TempDir static Path root;
  private final AtomicInteger n = new AtomicInteger();

  @BeforeAll
  static void startEnvironment() {
    env = new StoreEnvironment();
  }

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  @Override
  public AtStore newStore(StoreConfig config) {
    return env.open(
        root.resolve(System.identityHashCode(this) + "-" + n.incrementAndGet()), config, clock);
  }
}
