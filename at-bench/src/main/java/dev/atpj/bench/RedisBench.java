package dev.atpj.bench;

import dev.atpj.pki.ServerCredentials;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The yardstick: GETs against a {@code redis-server} started here with TLS on loopback, with the
 * same certificates, connections and depth as the atpj targets (Lettuce client, Netty, TLS).
 */
final class RedisBench {
  private RedisBench() {}

  static BenchResult run(
      BenchPki pki, BenchOptions options, Path workDir, int clientThreads, String redisServer)
      throws Exception {
    ServerCredentials credentials = pki.credentials("redis");
    int port = freePort();
    Process redis = startRedis(redisServer, credentials, port, workDir);
    ClientResources resources =
        DefaultClientResources.builder()
            .ioThreadPoolSize(clientThreads)
            .computationThreadPoolSize(clientThreads)
            .build();
    RedisURI uri =
        RedisURI.builder()
            .withHost(BenchPki.HOST)
            .withPort(port)
            .withSsl(true)
            .withVerifyPeer(true)
            .build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .sslOptions(
                SslOptions.builder().jdkSslProvider().trustManager(pki.caFile().toFile()).build())
            .build());
    List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    try {
      for (int c = 0; c < options.connections(); c++) {
        connections.add(client.connect());
      }
      RedisAsyncCommands<String, String> loader = connections.get(0).async();
      for (int i = 0; i < options.keys(); i++) {
        loader.set("bench" + i, "10.0.0." + (i % 250 + 1) + ":6464");
      }
      loader.get("bench0").get(10, TimeUnit.SECONDS);
      List<BenchClient> clients = new ArrayList<>();
      for (StatefulRedisConnection<String, String> connection : connections) {
        RedisAsyncCommands<String, String> commands = connection.async();
        clients.add(
            new BenchClient() {
              @Override
              public CompletableFuture<?> call(long sequence) {
                return commands.get("bench" + (sequence % options.keys())).toCompletableFuture();
              }

              @Override
              public void close() {
                connection.close();
              }
            });
      }
      return ClosedLoopDriver.run("redis GET (TLS)", clients, options);
    } finally {
      connections.forEach(StatefulRedisConnection::close);
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      redis.destroy();
      redis.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static Process startRedis(
      String redisServer, ServerCredentials credentials, int port, Path workDir)
      throws IOException, InterruptedException, BenchUnavailableException {
    Path log = workDir.resolve("redis.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                redisServer,
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
          redisServer
              + " not found; install Redis 6 or later with TLS (Debian/Ubuntu: sudo apt-get"
              + " install redis-server)",
          e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(BenchPki.HOST, port)) {
        return process;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new BenchUnavailableException(
              redisServer + " exited at start (it needs TLS support, Redis 6+): " + lastLine(log));
        }
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new IOException("redis-server did not start within 10 s");
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(log);
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
