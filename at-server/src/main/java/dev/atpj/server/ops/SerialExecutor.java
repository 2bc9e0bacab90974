package dev.atpj.server.ops;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order they were submitted, on a shared executor: work that must
 * stay ordered (one monitor's notifications) but must not run on an event loop (user-supplied regex
 * matching). Holds no thread of its own. Thread-safe.
 */
public final class SerialExecutor implements Executor {
  /** Tasks run per turn on the delegate, so that one busy queue does not hold a thread. */
  private static final int BATCH = 64;

  private final Executor delegate;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * An executor.
   *
   * @param delegate where the tasks run
   */
  public SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      delegate.execute(this::runAll);
    }
  }

  private void runAll() {
    try {
      Runnable task;
      for (int run = 0; run < BATCH && (task = tasks.poll()) != null; run++) {
        try {
          task.run();
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("task failed", e);
        }
      }
    } finally {
      scheduled.set(false);
      schedule();
    }
  }
}
