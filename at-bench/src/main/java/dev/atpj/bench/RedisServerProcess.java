package dev.atpj.bench;

import dev.atpj.pki.ServerCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} child process listening with TLS only on {@link BenchPki#HOST}, no
 * persistence, its output in {@code redis.log} of the work folder.
 */
final class RedisServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private RedisServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Redis and waits until it accepts connections.
   *
   * @param command the {@code redis-server} program
   * @param credentials its certificate, key and CA
   * @param workDir its folder
   * @return the running server
   * @throws BenchUnavailableException when the program is missing or exits at once (no TLS)
   */
  static RedisServerProcess start(String command, ServerCredentials credentials, Path workDir)
      throws IOException, InterruptedException, BenchUnavailableException {
    int port = freePort();
    Path log = workDir.resolve("redis.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                command,
                "--port",
                "0",
                "--bind",
                BenchPki.HOST,
                "--tls-port",
                Integer.toString(port),
                "--tls-cert-file",
                credentials.certFile().toString(),
                "--tls-key-file",
                credentials.keyFile().toString(),
                "--tls-ca-cert-file",
                credentials.caFile().toString(),
                "--tls-auth-clients",
                "no",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                workDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new BenchUnavailableException(
          command
              + " not found; install Redis 6 or later with TLS (Debian/Ubuntu: sudo apt-get"
              + " install redis-server)",
          e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(BenchPki.HOST, port)) {
        return new RedisServerProcess(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new BenchUnavailableException(
              command + " exited at start (it needs TLS support, Redis 6+): " + lastLine(log));
        }
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new IOException(command + " did not start within 10 s; see " + log);
  }

  /** The TLS port. */
  int port() {
    return port;
  }

  /** The CPU time of the Redis process. */
  CpuMeter cpu() {
    return CpuMeter.process(process);
  }

  /** Stops Redis. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "no output";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
