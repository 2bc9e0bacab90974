package dev.atpj.store.rocksdb;

import dev.atpj.store.CommitOp;
import dev.atpj.store.CommitPage;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.SyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * A rough benchmark, not a test: synced write throughput by concurrency (group commit), point-read
 * latency, and reopening a store with a 1,000,000-entry commit log. Run by hand: {@code java -cp
 * <test classpath> dev.atpj.store.rocksdb.StoreBenchmarkMain [dir]}.
 */
public final class StoreBenchmarkMain {
  private StoreBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("atstore-bench");
    try (StoreEnvironment env = new StoreEnvironment()) {
      if (!Files.exists(root.resolve("big"))) {
        for (int concurrency : new int[] {1, 8, 64, 512}) {
          writes(
              env, root.resolve("w" + concurrency), concurrency, concurrency == 1 ? 500 : 20_000);
        }
        reads(env, root.resolve("w512"));
      }
      bigLog(env, root.resolve("big"), 1_000_000);
    }
  }

  private static void writes(StoreEnvironment env, Path dir, int concurrency, int ops)
      throws Exception {
    try (RocksDbAtStore store = env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC())) {
      Semaphore inFlight = new Semaphore(concurrency);
      long start = System.nanoTime();
      CompletableFuture<?> last = null;
      for (int i = 0; i < ops; i++) {
        inFlight.acquire();
        last =
            store
                .put("key" + (i % 10_000) + "@alice", StoredValue.of("value " + i), CommitOp.UPDATE)
                .whenComplete((id, e) -> inFlight.release());
      }
      inFlight.acquire(concurrency);
      last.join();
      double secs = (System.nanoTime() - start) / 1e9;
      CommitStats s = store.commitStats();
      System.out.printf(
          "synced puts, %3d in flight: %8.0f ops/s, %6.1f ops per fsync (%d ops, %d syncs)%n",
          concurrency, ops / secs, (double) s.operations() / s.syncs(), s.operations(), s.syncs());
    }
  }

  private static void reads(StoreEnvironment env, Path dir) {
    try (RocksDbAtStore store = env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC())) {
      long found = 0;
      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
          found += store.get("key" + (i % 10_000) + "@alice").isPresent() ? 1 : 0;
        }
        System.out.printf(
            "get (round %d): %.2f us/op, %d found%n",
            round, (System.nanoTime() - start) / 1e3 / 200_000, found);
      }
    }
  }

  private static void bigLog(StoreEnvironment env, Path dir, int entries) {
    StoreConfig unsynced = StoreConfig.DEFAULT.withSyncPolicy(SyncPolicy.NONE);
    long start = System.nanoTime();
    if (!Files.exists(dir)) {
      write(env, dir, entries, unsynced);
      System.out.printf("wrote %d entries in %.1f s%n", entries, (System.nanoTime() - start) / 1e9);
    }
    start = System.nanoTime();
    try (RocksDbAtStore store = env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC())) {
      long opened = System.nanoTime();
      long last = store.lastCommitId();
      CommitPage page = store.commitLog().page(entries / 2L, 25, 5 << 20, k -> true);
      long paged = System.nanoTime();
      System.out.printf(
          "reopen: %.1f ms (lastCommitId %d); page from the middle: %.1f ms (%d entries, examined"
              + " up to %d)%n",
          (opened - start) / 1e6,
          last,
          (paged - opened) / 1e6,
          page.entries().size(),
          page.lastExaminedId());
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        CommitPage again = store.commitLog().page(entries / 2L, 25, 5 << 20, k -> true);
        System.out.printf(
            "page again: %.1f ms (examined up to %d)%n",
            (System.nanoTime() - t) / 1e6, again.lastExaminedId());
      }
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        int n = store.commitLog().entriesSince(entries / 2L, 100_000).size();
        System.out.printf(
            "entriesSince, %d entries (iterate + decode only): %.1f ms%n",
            n, (System.nanoTime() - t) / 1e6);
      }
      long t = System.nanoTime();
      CommitPage tail = store.commitLog().page(entries - 200_000L, 25, 5 << 20, k -> true);
      System.out.printf(
          "page of latest entries: %.2f ms (%d entries)%n",
          (System.nanoTime() - t) / 1e6, tail.entries().size());
    }
  }

  private static void write(StoreEnvironment env, Path dir, int entries, StoreConfig config) {
    try (RocksDbAtStore store = env.open(dir, config, Clock.systemUTC())) {
      for (int from = 0; from < entries; from += 1000) {
        List<Mutation> batch = new ArrayList<>(1000);
        for (int i = from; i < from + 1000; i++) {
          batch.add(
              new Mutation.Put(
                  "k" + (i % 100_000) + "@alice", StoredValue.of("v"), CommitOp.UPDATE));
        }
        store.apply(batch).join();
      }
    }
  }
}
