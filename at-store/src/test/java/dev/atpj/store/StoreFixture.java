package dev.atpj.store;

import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** What contract tests need from a test class: a store, its clock, and helpers. */
public interface StoreFixture {
  Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** The store under test. */
  AtStore store();

  /** The store's clock. */
  MutableClock clock();

  /** A fresh, empty store using {@link #clock()} and {@code config}. */
  AtStore newStore(StoreConfig config);

  /** Closes the store under test and replaces it with a fresh one. */
  void replaceStore(StoreConfig config);

  static <T> T await(CompletableFuture<T> f) {
    return f.join();
  }

  default long put(String key, String value) {
    return await(store().put(key, StoredValue.of(value), CommitOp.UPDATE));
  }

  static StoredValue valueExpiringAt(String value, Instant expiresAt) {
    return new StoredValue(value, Metadata.builder().expiresAt(expiresAt).build());
  }
}
