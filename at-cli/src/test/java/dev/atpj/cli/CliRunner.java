package dev.atpj.cli;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * Runs {@code atp} in-process, as the picocli manual suggests: output captured with {@code
 * setOut}/{@code setErr}, the exit code returned, the environment's home and stop signals fake.
 */
public final class CliRunner {
  private final Path userHome;
  private final Map<String, String> variables = new HashMap<>();
  private final ManualStopSignals stops = new ManualStopSignals();

  /**
   * A runner whose user home is a test folder.
   *
   * @param userHome stands in for {@code ~}
   */
  public CliRunner(Path userHome) {
    this.userHome = userHome;
  }

  /** Sets an environment variable the commands see. */
  public CliRunner variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** The stop signals foreground commands wait on. */
  public ManualStopSignals stops() {
    return stops;
  }

  /** The result of one run. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs a command to its end on this thread. */
  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = commandLine(out, err).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Starts a (foreground) command on another thread. */
  public Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = commandLine(out, err);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> commandLine.execute(args), CliRunner::runOnNewThread);
    return new Running(exit, out, err);
  }

  private CommandLine commandLine(StringWriter out, StringWriter err) {
    CommandLine commandLine = AtpMain.commandLine(new CliEnvironment(variables, userHome, stops));
    commandLine.setOut(new PrintWriter(new SynchronizedWriter(out), true));
    commandLine.setErr(new PrintWriter(new SynchronizedWriter(err), true));
    return commandLine;
  }

  private static void runOnNewThread(Runnable task) {
    Thread thread = new Thread(task, "atp-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** A command running on its own thread. */
  public static final class Running {
    private final CompletableFuture<Integer> exit;
    private final StringWriter out;
    private final StringWriter err;

    Running(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    /** Output so far. */
    public String out() {
      synchronized (out) {
        return out.toString();
      }
    }

    /** Error output so far. */
    public String err() {
      synchronized (err) {
        return err.toString();
      }
    }

    /** Waits until the output has a line starting with the prefix, or the command ended. */
    public void awaitLine(String prefix, Duration timeout) {
      Await.until(
          () -> out().lines().anyMatch(l -> l.startsWith(prefix)) || exit.isDone(),
          timeout,
          "a line starting with '" + prefix + "'");
      if (out().lines().noneMatch(l -> l.startsWith(prefix))) {
        throw new AssertionError(
            "ended without '" + prefix + "': exit " + exit.join() + "\n" + out() + "\n" + err());
      }
    }

    /** Waits for the end. */
    public Result finish() {
      try {
        int code = exit.get(2, TimeUnit.MINUTES);
        return new Result(code, out(), err());
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        throw new AssertionError("the command did not finish: " + out() + err(), e);
      }
    }
  }

  /** A writer whose buffer can be read while another thread writes. */
  private static final class SynchronizedWriter extends java.io.Writer {
    private final StringWriter target;

    SynchronizedWriter(StringWriter target) {
      this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      synchronized (target) {
        target.write(chars, offset, length);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
