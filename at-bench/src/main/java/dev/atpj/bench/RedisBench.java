package dev.atpj.bench;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The yardstick: GETs against a {@code redis-server} started here with TLS on loopback, with the
 * same certificates, connections and depth as the atpj targets (Lettuce client, Netty, TLS by
 * OpenSSL like the atpj targets' clients when Netty has it).
 */
final class RedisBench {
  private RedisBench() {}

  static BenchResult run(
      BenchPki pki, BenchOptions options, Path workDir, int clientThreads, String redisServer)
      throws Exception {
    RedisServerProcess redis =
        RedisServerProcess.start(redisServer, pki.credentials("redis"), workDir);
    int port = redis.port();
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
                tlsProvider(SslOptions.builder()).trustManager(pki.caFile().toFile()).build())
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
      return ClosedLoopDriver.run("redis GET (TLS)", clients, options, redis.cpu());
    } finally {
      connections.forEach(StatefulRedisConnection::close);
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      redis.close();
    }
  }

  /** OpenSSL when Netty has it, as the atpj targets' TLS does (ClientTlsContext); else the JDK. */
  private static SslOptions.Builder tlsProvider(SslOptions.Builder builder) {
    return OpenSsl.isAvailable() ? builder.openSslProvider() : builder.jdkSslProvider();
  }
}
