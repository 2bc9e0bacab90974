package dev.atpj.cli.common;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stop requests from the operating system: SIGINT (Ctrl-C) and SIGTERM start the JVM's shutdown,
 * which runs a hook that wakes the waiting command, waits for it to stop everything, and then ends
 * the process with exit code 0 (1 when stopping failed or took longer than {@link #STOP_TIMEOUT}).
 * Without this, a JVM stopped by a signal exits with 130 or 143.
 */
public final class JvmStopSignals implements StopSignals {
  /** How long the hook waits for the command to stop. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public StopSignal arm() {
    return new Armed();
  }

  private static final class Armed implements StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean clean = new AtomicBoolean();
    private final Thread hook = new Thread(this::onShutdown, "atp-stop");

    Armed() {
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void await() throws InterruptedException {
      requested.await();
    }

    @Override
    public void stopped(boolean cleanly) {
      clean.set(cleanly);
      finished.countDown();
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running (a signal arrived); it ends the process.
      }
    }

    private void onShutdown() {
      requested.countDown();
      boolean done;
      try {
        done = finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        done = false;
      }
      Runtime.getRuntime().halt(done && clean.get() ? 0 : 1);
    }
  }
}
