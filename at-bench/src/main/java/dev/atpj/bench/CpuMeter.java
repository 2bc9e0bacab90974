package dev.atpj.bench;

import dev.atpj.server.core.EventLoops;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * CPU time a server has used so far, read at the start and end of the measured period so that a row
 * can show the server's CPU per request: what serving costs, apart from the load generator sharing
 * the machine.
 */
@FunctionalInterface
public interface CpuMeter {
  /** No measurement. */
  CpuMeter NONE = () -> -1;

  /**
   * CPU time used so far.
   *
   * @return nanoseconds, or a negative number when unknown
   */
  long cpuNanos();

  /**
   * The CPU time of the I/O threads of in-process servers (where they parse, read storage and
   * answer).
   *
   * @param loops the servers' event loops
   * @return the meter
   */
  static CpuMeter workerThreads(EventLoops loops) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return NONE;
    }
    List<Long> ids = new ArrayList<>();
    try {
      for (EventExecutor executor : loops.workers()) {
        ids.add(executor.submit(() -> Thread.currentThread().getId()).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NONE;
    } catch (ExecutionException e) {
      return NONE;
    }
    return () -> {
      long sum = 0;
      for (long id : ids) {
        sum += Math.max(0, threads.getThreadCpuTime(id));
      }
      return sum;
    };
  }

  /**
   * The CPU time of a child process, all its threads (Linux {@code /proc}; unknown elsewhere).
   *
   * @param process the process
   * @return the meter
   */
  static CpuMeter process(Process process) {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    return () -> {
      try {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    };
  }
}
