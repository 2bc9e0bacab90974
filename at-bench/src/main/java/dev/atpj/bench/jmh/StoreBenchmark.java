package dev.atpj.bench.jmh;

import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.rocksdb.RocksDbAtStore;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Storage costs behind owner reads and durable writes: a point read from the block cache, and a
 * synced write with several writers sharing group commits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreBenchmark {
  private static final int KEYS = 10_000;

  private Path dir;
  private StoreEnvironment environment;
  private RocksDbAtStore store;
  private long counter;

  /** Opens a store with {@value #KEYS} keys. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("atpj-jmh-store");
    environment = new StoreEnvironment();
    store = environment.open(dir.resolve("@bench"), StoreConfig.DEFAULT, Clock.systemUTC());
    Metadata metadata = Metadata.builder().createdAt(Instant.now()).version(0).build();
    for (int i = 0; i < KEYS; i++) {
      store.put("key" + i + ".app@bench", new StoredValue("value " + i, metadata), CommitOp.UPDATE);
    }
    store.put("last.app@bench", new StoredValue("v", metadata), CommitOp.UPDATE).join();
  }

  /** Closes and deletes the store. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    environment.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** An owner read of an existing key. */
  @Benchmark
  public Optional<StoredValue> pointRead() {
    return store.get("key" + (counter++ % KEYS) + ".app@bench");
  }

  /** A durable (WAL-synced) write; four writers share group commits. */
  @Benchmark
  @Threads(4)
  public Long syncedWrite() {
    long n = Thread.currentThread().getId() * 1_000_000L + System.nanoTime() % 1_000_000L;
    Metadata metadata = Metadata.builder().version(0).build();
    return store
        .put("w" + n + ".app@bench", new StoredValue("v", metadata), CommitOp.UPDATE)
        .join();
  }
}
