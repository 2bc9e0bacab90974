package dev.atpj.cli;

import dev.atpj.cli.common.StopSignals;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Stop signals a test sends by hand, standing in for SIGINT/SIGTERM. */
public final class ManualStopSignals implements StopSignals {
  private final AtomicReference<Armed> current = new AtomicReference<>();

  @Override
  public StopSignal arm() {
    Armed armed = new Armed();
    current.set(armed);
    return armed;
  }

  /** Requests a stop of the command waiting now. */
  public void stop() {
    Armed armed = current.get();
    if (armed == null) {
      throw new IllegalStateException("nothing is armed");
    }
    armed.requested.countDown();
  }

  /** Whether the last armed command reported that it stopped cleanly. */
  public boolean stoppedCleanly() {
    Armed armed = current.get();
    return armed != null && armed.clean;
  }

  private static final class Armed implements StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile boolean clean;

    @Override
    public void await() throws InterruptedException {
      requested.await();
    }

    @Override
    public void stopped(boolean cleanly) {
      clean = cleanly;
    }

    @Override
    public void close() {}
  }
}
