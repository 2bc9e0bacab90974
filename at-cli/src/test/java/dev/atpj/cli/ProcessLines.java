package dev.atpj.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The standard output of a child process, read line by line on a daemon thread. */
public final class ProcessLines {
  /** The longest wait for an expected line. */
  public static final long WAIT_SECONDS = 90;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ProcessLines(Process process) {
    this.process = process;
  }

  /**
   * A command line that runs a program with SIGINT at its default disposition, as from a terminal.
   * A build started in the background from a script ({@code ./mvnw verify &}) ignores SIGINT, its
   * children inherit that, and a JVM started with SIGINT ignored leaves it ignored (no shutdown on
   * Ctrl-C); GNU {@code env --default-signal} resets it before the program starts.
   *
   * @param command the program and its arguments
   * @return the command line to start
   */
  public static List<String> withDefaultSigint(List<String> command) {
    List<String> line = new ArrayList<>(List.of("env", "--default-signal=INT"));
    line.addAll(command);
    return line;
  }

  /**
   * Starts reading a process's output.
   *
   * @param process the process
   * @param name the reader thread's name
   * @return the lines
   */
  public static ProcessLines follow(Process process, String name) {
    ProcessLines lines = new ProcessLines(process);
    Thread reader = new Thread(lines::read, name);
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /**
   * Waits, at most {@link #WAIT_SECONDS}, for the next line that starts with a prefix.
   *
   * @param prefix the prefix
   * @return the line
   * @throws AssertionError when none comes in time
   */
  public String awaitLineStarting(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "'");
  }

  /**
   * Sends the process a signal with {@code kill}.
   *
   * @param signal e.g. {@code TERM}
   */
  public void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
        .start()
        .waitFor(10, TimeUnit.SECONDS);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
