package dev.atpj.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run measured.
 *
 * @param name the target's name
 * @param operations requests completed while measuring
 * @param errors requests that failed while measuring
 * @param seconds measured time
 * @param sortedLatencyNanos every measured latency, sorted
 * @param serverCpuSeconds CPU time the server used while measuring; NaN when unknown
 * @param notes further lines printed under the row (e.g. memory per connection); may be empty
 */
public record BenchResult(
    String name,
    long operations,
    long errors,
    double seconds,
    long[] sortedLatencyNanos,
    double serverCpuSeconds,
    List<String> notes) {

  /** Copies the notes. */
  public BenchResult {
    notes = List.copyOf(notes);
  }

  /**
   * A result without notes.
   *
   * @param name the target's name
   * @param operations requests completed while measuring
   * @param errors requests that failed while measuring
   * @param seconds measured time
   * @param sortedLatencyNanos every measured latency, sorted
   * @param serverCpuSeconds CPU time the server used while measuring; NaN when unknown
   */
  public BenchResult(
      String name,
      long operations,
      long errors,
      double seconds,
      long[] sortedLatencyNanos,
      double serverCpuSeconds) {
    this(name, operations, errors, seconds, sortedLatencyNanos, serverCpuSeconds, List.of());
  }

  /**
   * A result without the server's CPU time.
   *
   * @param name the target's name
   * @param operations requests completed while measuring
   * @param errors requests that failed while measuring
   * @param seconds measured time
   * @param sortedLatencyNanos every measured latency, sorted
   */
  public BenchResult(
      String name, long operations, long errors, double seconds, long[] sortedLatencyNanos) {
    this(name, operations, errors, seconds, sortedLatencyNanos, Double.NaN);
  }

  /**
   * A copy with another name and notes.
   *
   * @param newName the row's name
   * @param newNotes lines printed under the row
   * @return the copy
   */
  public BenchResult with(String newName, List<String> newNotes) {
    return new BenchResult(
        newName, operations, errors, seconds, sortedLatencyNanos, serverCpuSeconds, newNotes);
  }

  /** The server's CPU time per request in microseconds; NaN when unknown. */
  public double serverCpuMicrosPerOperation() {
    return operations == 0 ? Double.NaN : serverCpuSeconds * 1e6 / operations;
  }

  /** Requests per second. */
  public double throughput() {
    return operations / seconds;
  }

  /**
   * A latency percentile in microseconds.
   *
   * @param percentile e.g. 99.0
   * @return the latency, or 0 without samples
   */
  public double percentileMicros(double percentile) {
    if (sortedLatencyNanos.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length) - 1;
    return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1000.0;
  }

  /** The table header matching {@link #row()}. */
  public static String header() {
    return String.format(
        Locale.ROOT,
        "%-28s %12s %10s %10s %10s %10s %8s %14s",
        "target",
        "ops/s",
        "p50 us",
        "p99 us",
        "p99.9 us",
        "max us",
        "errors",
        "srv cpu us/op");
  }

  /** One table row. */
  public String row() {
    return String.format(
        Locale.ROOT,
        "%-28s %12.0f %10.1f %10.1f %10.1f %10.1f %8d %14s",
        name,
        throughput(),
        percentileMicros(50),
        percentileMicros(99),
        percentileMicros(99.9),
        percentileMicros(100),
        errors,
        Double.isNaN(serverCpuMicrosPerOperation())
            ? "-"
            : String.format(Locale.ROOT, "%.1f", serverCpuMicrosPerOperation()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BenchResult other
        && name.equals(other.name)
        && operations == other.operations
        && errors == other.errors
        && seconds == other.seconds
        && Double.compare(serverCpuSeconds, other.serverCpuSeconds) == 0
        && Arrays.equals(sortedLatencyNanos, other.sortedLatencyNanos)
        && notes.equals(other.notes);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Long.hashCode(operations);
  }

  @Override
  public String toString() {
    return row();
  }
}
