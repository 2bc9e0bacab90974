package dev.atpj.server;

import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.MutableClock;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Starts atServers in-process on port 0 with real TLS and real storage in a temporary folder, on a
 * shared environment with a clock the test moves.
 */
public final class AtServerFixture implements AutoCloseable {
  /** The address test servers listen on. */
  public static final String HOST = "127.0.0.1";

  private final TestPki pki;
  private final Path dataRoot;
  private final MutableClock clock = MutableClock.startingNow();
  private final EventLoops loops = EventLoops.create(2);
  private final StoreEnvironment stores = new StoreEnvironment();
  private final AtServerEnvironment environment;
  private final List<AtServer> servers = new ArrayList<>();

  /**
   * Creates a fixture.
   *
   * @param pki the test PKI
   * @param dataRoot a temporary folder for storage
   */
  public AtServerFixture(TestPki pki, Path dataRoot) {
    this.pki = pki;
    this.dataRoot = dataRoot;
    this.environment = new AtServerEnvironment(loops, stores, clock);
  }

  /** The clock every server of this fixture reads. */
  public MutableClock clock() {
    return clock;
  }

  /** The test PKI. */
  public TestPki pki() {
    return pki;
  }

  /** The shared environment. */
  public AtServerEnvironment environment() {
    return environment;
  }

  /** A configuration for an atSign with test defaults: port 0, storage in the temp folder. */
  public AtServerConfig.Builder config(String atSign) {
    AtSign sign = AtSign.parse(atSign);
    ServerCredentials credentials = pki.serverCredentials(HOST);
    return AtServerConfig.builder(
            sign,
            StoreEnvironment.folderFor(dataRoot, sign.toString()),
            new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()))
        .bindHost(HOST)
        .port(0)
        .cramSecret(secretOf(atSign));
  }

  /** The cram secret test servers are given. */
  public static String secretOf(String atSign) {
    return "secret-of-" + AtSign.parse(atSign).name();
  }

  /** Starts a server with test defaults. */
  public AtServer start(String atSign) {
    return start(atSign, UnaryOperator.identity());
  }

  /** Starts a server with test defaults changed by {@code adjust}. */
  public AtServer start(String atSign, UnaryOperator<AtServerConfig.Builder> adjust) {
    AtServer server = AtServer.start(environment, adjust.apply(config(atSign)).build());
    servers.add(server);
    return server;
  }

  /** Connects a wire client and reads the greeting prompt. */
  public WireClient connect(AtServer server) {
    WireClient client = pki.connect(HOST, server.port());
    client.readPrompt();
    return client;
  }

  @Override
  public void close() {
    for (AtServer server : servers) {
      server.close();
    }
    stores.close();
    loops.close();
  }
}
