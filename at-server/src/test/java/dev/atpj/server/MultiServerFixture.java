package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.MutableClock;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Several atServers and an atDirectory in one JVM, with real TLS: the directory listens on {@code
 * 127.0.0.1}, each atServer on its own loopback address {@code 127.0.0.N} with a certificate for
 * that address only (so client-certificate checks tell servers apart), all on one shared
 * environment, clock and test CA. Each started server is registered in the directory.
 */
final class MultiServerFixture implements AutoCloseable {
  /** Where the directory listens. */
  static final String DIRECTORY_HOST = "127.0.0.1";

  /** Timeouts of test servers: short, but far above what a loaded machine needs. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final TestPki pki;
  private final Path dataRoot;
  private final MutableClock clock = MutableClock.startingNow();
  private final EventLoops loops = EventLoops.create(2);
  private final StoreEnvironment stores = new StoreEnvironment();
  private final AtServerEnvironment environment;
  private final InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
  private final DirectoryServer directory;
  private final Map<AtSign, String> hosts = new HashMap<>();
  private final Map<AtSign, AtServerConfig> configs = new HashMap<>();
  private final Map<AtSign, AtServer> servers = new LinkedHashMap<>();
  private int nextHost = 2;

  MultiServerFixture(TestPki pki, Path dataRoot) {
    this.pki = pki;
    this.dataRoot = dataRoot;
    this.environment = new AtServerEnvironment(loops, stores, clock);
    ServerCredentials credentials = pki.serverCredentials(DIRECTORY_HOST);
    this.directory =
        DirectoryServer.start(
            loops,
            DirectoryConfig.defaults(DIRECTORY_HOST, 0),
            ServerTlsContext.load(
                new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()),
                false),
            registry);
  }

  /** Connections the directory has open now. */
  int directoryConnections() {
    return directory.activeConnections();
  }

  /** The environment the servers run in. */
  AtServerEnvironment environment() {
    return environment;
  }

  /** Another environment on the same event loops and storage: it shares no directory client. */
  AtServerEnvironment otherEnvironment() {
    return new AtServerEnvironment(loops, stores, clock);
  }

  /** Starts a server with test defaults in another environment and registers it. */
  AtServer startIn(AtServerEnvironment other, String atSign) {
    AtServerConfig config = config(atSign).build();
    configs.put(config.atSign(), config);
    AtServer server = AtServer.start(other, config);
    servers.put(config.atSign(), server);
    register(atSign, config.bindHost(), server.port());
    return server;
  }

  /** The port the directory listens on ({@link #DIRECTORY_HOST}). */
  int directoryPort() {
    return directory.port();
  }

  MutableClock clock() {
    return clock;
  }

  TestPki pki() {
    return pki;
  }

  /** A fresh loopback address for an atSign or a fake peer: {@code 127.0.0.N}. */
  synchronized String newHost() {
    return "127.0.0." + nextHost++;
  }

  /** The address an atSign's server binds (assigned at first use). */
  synchronized String hostOf(String atSign) {
    return hosts.computeIfAbsent(AtSign.parse(atSign), a -> newHost());
  }

  /** Test defaults: its own address and certificate, port 0, the directory, short timeouts. */
  AtServerConfig.Builder config(String atSign) {
    AtSign sign = AtSign.parse(atSign);
    String host = hostOf(atSign);
    ServerCredentials credentials = pki.serverCredentials(host);
    return AtServerConfig.builder(
            sign,
            StoreEnvironment.folderFor(dataRoot, sign.toString()),
            new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()))
        .bindHost(host)
        .port(0)
        .cramSecret(AtServerFixture.secretOf(atSign))
        .peers(peerDefaults().build());
  }

  /** Peer settings of test servers, to adjust. */
  PeerConfig.Builder peerDefaults() {
    return PeerConfig.builder()
        .directory(
            DirectoryClientConfig.defaults(new HostPort(DIRECTORY_HOST, directory.port()))
                .withTimeout(TIMEOUT))
        .connectTimeout(TIMEOUT)
        .requestTimeout(TIMEOUT)
        .lookupTimeout(TIMEOUT)
        .polTimeout(TIMEOUT.multipliedBy(3));
  }

  AtServer start(String atSign) {
    return start(atSign, UnaryOperator.identity());
  }

  /** Starts a server with adjusted test defaults and registers it in the directory. */
  AtServer start(String atSign, UnaryOperator<AtServerConfig.Builder> adjust) {
    AtServerConfig config = adjust.apply(config(atSign)).build();
    configs.put(config.atSign(), config);
    return launch(config);
  }

  /** Stops a server and starts it again with the same storage; it gets a new port. */
  AtServer restart(String atSign) {
    AtSign sign = AtSign.parse(atSign);
    servers.remove(sign).close();
    return launch(configs.get(sign));
  }

  /** Stops a server; its directory entry stays, so connecting to it is refused until resumed. */
  void stop(String atSign) {
    servers.remove(AtSign.parse(atSign)).close();
  }

  /** Starts a stopped server again on its storage (a new port) and registers it. */
  AtServer resume(String atSign) {
    return launch(configs.get(AtSign.parse(atSign)));
  }

  /** Opens the storage of a stopped server directly (close it before resuming the server). */
  AtStore openStore(String atSign) {
    AtServerConfig config = configs.get(AtSign.parse(atSign));
    return stores.open(config.storageDir(), config.storeConfig(), clock);
  }

  /** The running server of an atSign. */
  AtServer server(String atSign) {
    return servers.get(AtSign.parse(atSign));
  }

  /** Registers a fake peer in the directory. */
  void register(String atSign, String host, int port) {
    registry.put(AtSign.parse(atSign), new HostPort(host, port));
  }

  /** A port on a fresh loopback address that nothing listens on (connections are refused). */
  HostPort closedPort() {
    String host = newHost();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, 0));
      return new HostPort(host, socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects without a client certificate and reads the greeting. */
  WireClient connect(AtServer server) {
    WireClient client = pki.connect(hostOf(server.atSign().toString()), server.port());
    client.readPrompt();
    return client;
  }

  /** Connects presenting the certificate of another host, as an atServer calling another does. */
  WireClient connectAs(String clientHost, AtServer server) {
    WireClient client =
        pki.connectAs(clientHost, hostOf(server.atSign().toString()), server.port());
    client.readPrompt();
    return client;
  }

  /** Connects and authenticates as the server's owner (CRAM). */
  WireClient owner(AtServer server) {
    WireClient client = connect(server);
    Wire.cram(client, server.atSign().toString());
    return client;
  }

  /** Runs updates as the owner, each expected to succeed. */
  void update(AtServer server, String... commands) {
    try (WireClient owner = owner(server)) {
      for (String command : commands) {
        assertThat(owner.command(command)).as(command).startsWith("data:");
      }
    }
  }

  /** The signing private key an atServer generated for {@code pol}. */
  PrivateKey signingKeyOf(AtServer server) {
    String encoded =
        server
            .store()
            .get(ReservedKeys.signingPrivateKey(server.atSign()).toString())
            .map(StoredValue::value)
            .orElseThrow();
    return new AtCrypto().decodePrivateKey(encoded);
  }

  @Override
  public void close() {
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
    register(config.atSign().toString(), config.bindHost(), server.port());
    return server;
  }
}
