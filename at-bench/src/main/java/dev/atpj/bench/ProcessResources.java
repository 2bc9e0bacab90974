package dev.atpj.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What this process holds at one moment: heap in use after a full collection, resident memory
 * ({@code VmRSS} of {@code /proc/self/status}), open file descriptors ({@code /proc/self/fd}) and
 * live threads. The scale targets take one before and one after and divide the difference by what
 * they opened. Values the platform does not offer are -1.
 *
 * @param heapBytes heap in use after {@link System#gc()}
 * @param heapCommittedBytes heap the JVM has taken from the system (part of the RSS once touched)
 * @param rssBytes resident set size, or -1 off Linux
 * @param openFiles open file descriptors, or -1 when unknown
 * @param threads live threads
 */
record ProcessResources(
    long heapBytes, long heapCommittedBytes, long rssBytes, long openFiles, int threads) {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final int GC_ROUNDS = 3;

  /** Collects garbage (a few rounds, so that finalizable and soft garbage goes too) and reads. */
  static ProcessResources take() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
    }
    MemoryUsage heap = memory.getHeapMemoryUsage();
    return new ProcessResources(
        heap.getUsed(),
        heap.getCommitted(),
        rss(),
        openFileCount(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /**
   * The most file descriptors this process may open (the soft {@code ulimit -n}), or -1 when
   * unknown.
   */
  static long maxOpenFiles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }

  /**
   * Lines saying what each of {@code count} things cost between two snapshots.
   *
   * @param before the snapshot before opening them
   * @param count how many were opened
   * @param what their name, e.g. {@code connection}
   * @return one line: heap, RSS, file descriptors and threads, totals and per thing
   */
  String costLine(ProcessResources before, int count, String what) {
    return String.format(
        Locale.ROOT,
        "%d %ss: heap %s (%s/%s), rss %s (%s/%s), fds %s (%s/%s), threads %d (%.3f/%s)",
        count,
        what,
        mib(heapBytes - before.heapBytes),
        bytes((heapBytes - before.heapBytes) / (double) count),
        what,
        rssBytes < 0 ? "-" : mib(rssBytes - before.rssBytes),
        rssBytes < 0 ? "-" : bytes((rssBytes - before.rssBytes) / (double) count),
        what,
        openFiles < 0 ? "-" : Long.toString(openFiles - before.openFiles),
        openFiles < 0
            ? "-"
            : String.format(Locale.ROOT, "%.2f", (openFiles - before.openFiles) / (double) count),
        what,
        threads - before.threads,
        (threads - before.threads) / (double) count,
        what);
  }

  /** The snapshot in one line. */
  String line() {
    return String.format(
        Locale.ROOT,
        "heap %s (committed %s), rss %s, fds %s, threads %d",
        mib(heapBytes),
        mib(heapCommittedBytes),
        rssBytes < 0 ? "-" : mib(rssBytes),
        openFiles < 0 ? "-" : Long.toString(openFiles),
        threads);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String bytes(double bytes) {
    return Math.abs(bytes) < 10 * 1024
        ? String.format(Locale.ROOT, "%.0f B", bytes)
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static long rss() {
    try (Stream<String> lines = Files.lines(STATUS)) {
      return lines
          .filter(line -> line.startsWith("VmRSS:"))
          .findFirst()
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
          .orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Open file descriptors now, or -1 when unknown. */
  static long openFileCount() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }
  }
}
