package dev.atpj.store.rocksdb;

import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Child process of {@link CrashTest}: opens the store in {@code args[0]} and writes as fast as it
 * can (64 writes in flight), printing each write once its future has completed, i.e. once it is
 * acknowledged as durable: {@code P <key> <commitId> <value> $} or {@code D <key> <commitId> - $}.
 * It never stops by itself; the test kills it.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    StoreEnvironment env = new StoreEnvironment();
    AtStore store = env.open(dir, StoreConfig.DEFAULT, Clock.systemUTC());
    out.println("READY " + store.lastCommitId());
    out.flush();
    Semaphore inFlight = new Semaphore(64);
    for (long seq = 0; ; seq++) {
      inFlight.acquire();
      String key = "k" + random.nextInt(300) + "@alice";
      boolean delete = random.nextInt(5) == 0;
      String value = delete ? "-" : "v" + seq + "-" + "x".repeat(random.nextInt(200));
      CompletableFuture<Long> f =
          delete ? store.delete(key, true) : store.put(key, StoredValue.of(value), CommitOp.UPDATE);
      f.whenComplete(
          (id, error) -> {
            if (error == null) {
              synchronized (out) {
                out.println((delete ? "D " : "P ") + key + " " + id + " " + value + " $");
                out.flush();
              }
            }
            inFlight.release();
          });
    }
  }
}
