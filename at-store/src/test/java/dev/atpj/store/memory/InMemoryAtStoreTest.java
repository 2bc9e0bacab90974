package dev.atpj.store.memory;

import dev.atpj.store.AtStore;
import dev.atpj.store.AtStoreContract;
import dev.atpj.store.CommitLogContract;
import dev.atpj.store.ExpiryContract;
import dev.atpj.store.RecordLogContract;
import dev.atpj.store.StoreConfig;

class InMemoryAtStoreTest extends AtStoreContract
    implements CommitLogContract, ExpiryContract, RecordLogContract {

  @Override
  public AtStore newStore(StoreConfig config) {
    return new InMemoryAtStore(clock, config);
  }
}
