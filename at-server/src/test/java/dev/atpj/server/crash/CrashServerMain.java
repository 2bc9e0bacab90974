package dev.atpj.server.crash;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child-JVM atServer for the SIGKILL crash test: starts on port 0 with the given storage folder,
 * prints {@code PORT <n>} and runs until it is killed.
 *
 * <p>Arguments: atSign, storage folder, certificate chain, private key, CA certificate, CRAM
 * secret.
 */
public final class CrashServerMain {
  private CrashServerMain() {}

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
    AtServerConfig config =
        AtServerConfig.builder(
                AtSign.parse(args[0]),
                Path.of(args[1]),
                new TlsFiles(Path.of(args[2]), Path.of(args[3]), Path.of(args[4])))
            .bindHost("127.0.0.1")
            .port(0)
            .cramSecret(args[5])
            .build();
    AtServer server = AtServer.start(environment, config);
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
