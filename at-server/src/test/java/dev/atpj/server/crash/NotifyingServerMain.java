package dev.atpj.server.crash;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A child-JVM atServer that talks to other atServers, for the notification sender crash test:
 * starts on port 0 of its own address with the given storage and atDirectory, retries notifications
 * quickly, prints {@code PORT <n>} and runs until it is killed.
 *
 * <p>Arguments: atSign, storage folder, certificate chain, private key, CA certificate, CRAM
 * secret, bind address, directory host, directory port.
 */
public final class NotifyingServerMain {
  private NotifyingServerMain() {}

  /**
   * Starts the server.
   *
   * @param args see the class comment
   * @throws InterruptedException never in practice: the process is killed
   */
  public static void main(String[] args) throws InterruptedException {
    EventLoops loops = EventLoops.create(1);
    StoreEnvironment stores = new StoreEnvironment();
    AtServerEnvironment environment = new AtServerEnvironment(loops, stores, Clock.systemUTC());
    Duration timeout = Duration.ofSeconds(2);
    AtServerConfig config =
        AtServerConfig.builder(
                AtSign.parse(args[0]),
                Path.of(args[1]),
                new TlsFiles(Path.of(args[2]), Path.of(args[3]), Path.of(args[4])))
            .bindHost(args[6])
            .port(0)
            .cramSecret(args[5])
            .peers(
                PeerConfig.builder()
                    .directory(
                        DirectoryClientConfig.defaults(
                                new HostPort(args[7], Integer.parseInt(args[8])))
                            .withTimeout(timeout))
                    .connectTimeout(timeout)
                    .requestTimeout(timeout)
                    .lookupTimeout(timeout)
                    .polTimeout(timeout.multipliedBy(3))
                    .build())
            .notifications(
                NotificationConfig.builder()
                    .retryMinDelay(Duration.ofMillis(50))
                    .retryMaxDelay(Duration.ofMillis(500))
                    .build())
            .build();
    AtServer server = AtServer.start(environment, config);
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
