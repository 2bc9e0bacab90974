package dev.atpj.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every client busy with a fixed number of requests in flight, for a warm-up and then a
 * measured period, and records the latency of every request completed while measuring. Each
 * client's completions run on one thread (its connection's event loop), so each records into its
 * own buffer without locks.
 */
public final class ClosedLoopDriver {
  private ClosedLoopDriver() {}

  /**
   * Drives the clients.
   *
   * @param name the target's name for the report
   * @param clients connected clients
   * @param options depth, warm-up and duration
   * @return the measurements
   * @throws InterruptedException when interrupted while waiting
   */
  public static BenchResult run(
      String name, List<? extends BenchClient> clients, BenchOptions options)
      throws InterruptedException {
    return run(name, clients, options, CpuMeter.NONE);
  }

  /**
   * Drives the clients and measures the server's CPU time over the measured period.
   *
   * @param name the target's name for the report
   * @param clients connected clients
   * @param options depth, warm-up and duration
   * @param serverCpu the server's CPU time
   * @return the measurements
   * @throws InterruptedException when interrupted while waiting
   */
  public static BenchResult run(
      String name, List<? extends BenchClient> clients, BenchOptions options, CpuMeter serverCpu)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + options.warmup().toNanos();
    long stopAt = measureFrom + options.duration().toNanos();
    List<Recorder> recorders = new ArrayList<>();
    CountDownLatch chains = new CountDownLatch(clients.size() * options.depth());
    long sequence = 0;
    for (BenchClient client : clients) {
      Recorder recorder = new Recorder(client, measureFrom, stopAt, chains);
      recorders.add(recorder);
      for (int i = 0; i < options.depth(); i++) {
        recorder.issue(sequence++ * 7919);
      }
    }
    sleepUntil(measureFrom);
    long cpuFrom = serverCpu.cpuNanos();
    sleepUntil(stopAt);
    long cpuTo = serverCpu.cpuNanos();
    double cpuSeconds = cpuFrom < 0 || cpuTo < 0 ? Double.NaN : (cpuTo - cpuFrom) / 1e9;
    long budget = stopAt - System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    if (!chains.await(budget, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("requests still in flight 30 s after the run ended");
    }
    long operations = 0;
    long errors = 0;
    List<long[]> all = new ArrayList<>();
    for (Recorder recorder : recorders) {
      operations += recorder.count;
      errors += recorder.errors;
      all.add(Arrays.copyOf(recorder.latencies, recorder.count));
    }
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new BenchResult(
        name, operations, errors, options.duration().toNanos() / 1e9, merged, cpuSeconds);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static final class Recorder {
    private final BenchClient client;
    private final long measureFrom;
    private final long stopAt;
    private final CountDownLatch chains;
    private long[] latencies = new long[1 << 16];
    private int count;
    private long errors;

    Recorder(BenchClient client, long measureFrom, long stopAt, CountDownLatch chains) {
      this.client = client;
      this.measureFrom = measureFrom;
      this.stopAt = stopAt;
      this.chains = chains;
    }

    void issue(long sequence) {
      long sent = System.nanoTime();
      if (sent >= stopAt) {
        chains.countDown();
        return;
      }
      client
          .call(sequence)
          .whenComplete(
              (answer, failure) -> {
                long done = System.nanoTime();
                if (sent >= measureFrom && done <= stopAt) {
                  record(done - sent, failure != null);
                }
                if (failure != null) {
                  chains.countDown(); // a failed connection ends its chain
                } else {
                  issue(sequence + 1);
                }
              });
    }

    private synchronized void record(long nanos, boolean failed) {
      if (failed) {
        errors++;
        return;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}
