package dev.atpj.client;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.onboarding.Onboarding;
import dev.atpj.client.vectors.Vectors;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A private atPlatform in the test JVM: an atDirectory on {@code 127.0.0.1} and one real atServer
 * per atSign on its own loopback address {@code 127.0.0.N} (with a certificate for that address, so
 * server-to-server lookups and client-certificate checks work), real TLS and RocksDB storage, each
 * atSign onboarded with its fixed test keys ({@link Vectors#keys}), CRAM secret kept.
 */
public final class TestPlatform implements AutoCloseable {
  /** Where the directory listens. */
  public static final String DIRECTORY_HOST = "127.0.0.1";

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final TestPki pki;
  private final Path dataRoot;
  private final EventLoops loops = EventLoops.create(2);
  private final StoreEnvironment stores = new StoreEnvironment();
  private final AtServerEnvironment environment;
  private final InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
  private final DirectoryServer directory;
  private final Map<AtSign, AtServer> servers = new LinkedHashMap<>();
  private final Map<AtSign, AtServerConfig> configs = new LinkedHashMap<>();
  private final AtConnector connector;
  private int nextHost = 2;

  /**
   * Starts the directory and onboards the atSigns.
   *
   * @param pki the test PKI
   * @param dataRoot a temporary folder for storage
   * @param atSigns {@code @alice}, {@code @bob} and/or {@code @carol} (the atSigns with test keys)
   */
  public TestPlatform(TestPki pki, Path dataRoot, String... atSigns) {
    this.pki = pki;
    this.dataRoot = dataRoot;
    this.environment = new AtServerEnvironment(loops, stores, Clock.systemUTC());
    ServerCredentials credentials = pki.serverCredentials(DIRECTORY_HOST);
    this.directory =
        DirectoryServer.start(
            loops,
            DirectoryConfig.defaults(DIRECTORY_HOST, 0),
            ServerTlsContext.load(
                new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()),
                false),
            registry);
    this.connector = AtConnector.using(loops, directoryAddress(), clientOptions());
    for (String atSign : atSigns) {
      start(atSign, UnaryOperator.identity());
      onboard(AtSign.parse(atSign));
    }
  }

  /** The directory's address. */
  public HostPort directoryAddress() {
    return new HostPort(DIRECTORY_HOST, directory.port());
  }

  /** Client options trusting the test CA, with short timeouts. */
  public ClientOptions clientOptions() {
    return ClientOptions.defaults()
        .withTrustedCa(pki.caCertFile())
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withRetries(3, Duration.ofMillis(200));
  }

  /** A connector shared by the platform's clients. */
  public AtConnector connector() {
    return connector;
  }

  /** The CRAM secret of an atSign's server. */
  public static String secretOf(AtSign atSign) {
    return "secret-of-" + atSign.name();
  }

  /** The keys an atSign was onboarded with. */
  public AtKeys keysOf(AtSign atSign) {
    return Vectors.keys(atSign.toString());
  }

  /** A client builder for an atSign, on the shared connector, with its keys. */
  public AtClient.Builder client(String atSign) {
    AtSign a = AtSign.parse(atSign);
    return AtClient.builder(a).connector(connector).keys(keysOf(a));
  }

  /** The atServer of an atSign. */
  public AtServer server(String atSign) {
    return servers.get(AtSign.parse(atSign));
  }

  /** Starts an atServer (not onboarded) and registers it. */
  public AtServer start(String atSign, UnaryOperator<AtServerConfig.Builder> adjust) {
    AtSign a = AtSign.parse(atSign);
    String host = "127.0.0." + nextHost++;
    ServerCredentials credentials = pki.serverCredentials(host);
    PeerConfig peers =
        PeerConfig.builder()
            .directory(
                DirectoryClientConfig.defaults(new HostPort(DIRECTORY_HOST, directory.port()))
                    .withTimeout(TIMEOUT))
            .connectTimeout(TIMEOUT)
            .requestTimeout(TIMEOUT)
            .lookupTimeout(TIMEOUT)
            .polTimeout(TIMEOUT.multipliedBy(3))
            .build();
    AtServerConfig config =
        adjust
            .apply(
                AtServerConfig.builder(
                        a,
                        StoreEnvironment.folderFor(dataRoot, a.toString()),
                        new TlsFiles(
                            credentials.certFile(), credentials.keyFile(), credentials.caFile()))
                    .bindHost(host)
                    .port(0)
                    .cramSecret(secretOf(a))
                    .peers(peers))
            .build();
    configs.put(a, config);
    return launch(config);
  }

  /** Stops an atServer and starts it again on the same storage and address (a new port). */
  public AtServer restart(String atSign) {
    AtSign a = AtSign.parse(atSign);
    servers.remove(a).close();
    return launch(configs.get(a));
  }

  @Override
  public void close() {
    connector.close();
    for (AtServer server : servers.values()) {
      server.close();
    }
    directory.close();
    stores.close();
    loops.close();
  }

  private AtServer launch(AtServerConfig config) {
    AtServer server = AtServer.start(environment, config);
    servers.put(config.atSign(), server);
    registry.put(config.atSign(), new HostPort(config.bindHost(), server.port()));
    return server;
  }

  private void onboard(AtSign atSign) {
    try (AtConnection connection = connector.connect(atSign)) {
      new Onboarding(new AtCrypto())
          .onboard(
              connection,
              atSign,
              secretOf(atSign),
              keysOf(atSign),
              null,
              Onboarding.CramSecret.KEEP);
    }
  }
}
