package dev.atpj.server.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where an atServer runs storage work too long for an event loop (sync pages that examine many
 * entries, statistics that read whole logs, compaction bookkeeping): at most two threads, which end
 * after 30 s without work, so an idle atServer costs no thread.
 */
public final class OpsExecutor implements Executor, AutoCloseable {
  /** Threads at most. */
  public static final int THREADS = 2;

  private final ThreadPoolExecutor pool;

  /**
   * An executor.
   *
   * @param name names its threads, e.g. the atSign
   */
  public OpsExecutor(String name) {
    AtomicInteger count = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "atpj-ops-" + name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable command) {
    pool.execute(command);
  }

  /** Stops taking work; work in flight finishes. */
  @Override
  public void close() {
    pool.shutdown();
  }
}
