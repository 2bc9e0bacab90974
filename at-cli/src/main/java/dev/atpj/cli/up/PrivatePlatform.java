package dev.atpj.cli.up;

import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Listening;
import dev.atpj.cli.up.Assignments.Assignment;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.FileDirectoryRegistry;
import dev.atpj.pki.KeyStores;
import dev.atpj.pki.PkiStore;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.rocksdb.StoreEnvironment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running private atPlatform: one atDirectory and one atServer per atSign in this JVM, sharing
 * one set of event loops and one storage environment, with certificates from the home's private CA.
 * {@link #close()} stops everything and removes {@code platform.json}.
 */
public final class PrivatePlatform implements AutoCloseable {
  /** Password of {@code pki/truststore.p12} (Java's customary default). */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  private static final Logger LOG = LoggerFactory.getLogger(PrivatePlatform.class);

  private final PlatformLayout layout;
  private final HomeLock lock;
  private final EventLoops loops;
  private final StoreEnvironment stores;
  private final List<AtServer> servers = new ArrayList<>();
  private final List<RunningAtSign> running = new ArrayList<>();
  private DirectoryServer directory;
  private HostPort directoryAddress;
  private boolean stopped;

  /**
   * One served atSign.
   *
   * @param atSign the atSign
   * @param address what the directory answers for it (and where its server listens)
   * @param cramSecret its CRAM secret
   * @param credentials its server's certificate, key and CA files
   */
  public record RunningAtSign(
      AtSign atSign, HostPort address, String cramSecret, ServerCredentials credentials) {}

  private PrivatePlatform(PlatformLayout layout, HomeLock lock) {
    this.layout = layout;
    this.lock = lock;
    this.loops = EventLoops.create();
    this.stores = new StoreEnvironment();
  }

  /**
   * Starts the platform; everything listens when this returns.
   *
   * @param settings what to run
   * @return the running platform
   * @throws CliException when the home is in use, a port is taken, or a file is unusable
   * @throws IOException when files cannot be written
   */
  public static PrivatePlatform start(PlatformSettings settings) throws IOException {
    PlatformLayout layout = settings.layout();
    HomeLock lock = HomeLock.acquire(layout.lockFile(), layout.home());
    PrivatePlatform platform;
    try {
      Files.deleteIfExists(layout.platformFile());
      platform = new PrivatePlatform(layout, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      platform.startAll(settings);
      return platform;
    } catch (IOException | RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  /** The home folder's files. */
  public PlatformLayout layout() {
    return layout;
  }

  /** The shared event loops (clients of this process may use them too). */
  public EventLoops loops() {
    return loops;
  }

  /** Where the atDirectory listens. */
  public HostPort directoryAddress() {
    return directoryAddress;
  }

  /** The CA file every certificate of the platform chains to. */
  public Path caFile() {
    return layout.pki().caCertFile();
  }

  /**
   * Publishes the metrics of every atServer, and the atDirectory's open connections ({@code
   * atpj_directory_connections_active}), to a registry (the process's Prometheus endpoint).
   *
   * @param registry where the series go
   */
  public void publishMetrics(MeterRegistry registry) {
    for (AtServer server : servers) {
      server.metrics().publishTo(registry);
    }
    DirectoryServer published = directory;
    Gauge.builder(
            "atpj.directory.connections.active", published, DirectoryServer::activeConnections)
        .description("open atDirectory connections")
        .register(registry);
  }

  /** The served atSigns, in the order asked for. */
  public List<RunningAtSign> atSigns() {
    return List.copyOf(running);
  }

  private void startAll(PlatformSettings settings) throws IOException {
    Assignments assignments = Assignments.load(layout.assignmentsFile());
    SecureRandom random = new SecureRandom();
    settings.atSigns().forEach(atSign -> assignments.assign(atSign, random));
    assignments.save();
    PkiStore pki = layout.pki(settings.keyAlgorithm());
    KeyStores.writeTrustStore(
        layout.trustStoreFile(),
        List.of(pki.certificateAuthority().certificate()),
        TRUST_STORE_PASSWORD.toCharArray());
    FileDirectoryRegistry registry =
        PlatformRegistry.open(
            layout.registryFile(), settings.atSigns(), assignments.all().keySet());
    ServerCredentials credentials =
        pki.serverCredentials(
            PlatformLayout.directoryServerName(), HostMode.DIRECTORY_HOST, "localhost");
    ServerTlsContext tls =
        ServerTlsContext.load(
            new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()),
            false);
    directory =
        Listening.listen(
            "the atDirectory",
            HostMode.DIRECTORY_HOST,
            settings.directoryPort(),
            assignments.directoryPort(),
            "--directory-port",
            port ->
                DirectoryServer.start(
                    loops, DirectoryConfig.defaults(HostMode.DIRECTORY_HOST, port), tls, registry));
    directoryAddress = new HostPort(HostMode.DIRECTORY_HOST, directory.port());
    AtServerEnvironment environment = new AtServerEnvironment(loops, stores, Clock.systemUTC());
    PeerConfig peers = PeerConfig.builder().directory(directoryAddress).build();
    for (AtSign atSign : settings.atSigns()) {
      Assignment assignment = assignments.find(atSign).orElseThrow();
      RunningAtSign served = startServer(environment, pki, settings, peers, atSign, assignment);
      assignments.recordPort(atSign, served.address().port());
      running.add(served);
    }
    PlatformRegistry.point(registry, running);
    assignments.recordDirectoryPort(directory.port());
    assignments.save();
  }

  private RunningAtSign startServer(
      AtServerEnvironment environment,
      PkiStore pki,
      PlatformSettings settings,
      PeerConfig peers,
      AtSign atSign,
      Assignment assignment)
      throws IOException {
    String host = settings.hostMode().host(assignment.slot());
    ServerCredentials credentials =
        pki.serverCredentials(
            PlatformLayout.serverName(atSign), settings.hostMode().certificateHosts(host));
    int port = settings.basePort() == 0 ? 0 : settings.basePort() + assignment.slot() - 1;
    if (port > 65535) {
      throw new CliException(
          "the port of " + atSign + " would be " + port + "; choose a lower --base-port");
    }
    AtServerConfig.Builder config =
        AtServerConfig.builder(
                atSign,
                layout.storage(atSign),
                new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()))
            .bindHost(host)
            .cramSecret(assignment.cramSecret())
            .peers(peers);
    AtServer server =
        Listening.listen(
            "the atServer of " + atSign,
            host,
            port,
            assignment.port(),
            "--base-port",
            p -> AtServer.start(environment, config.port(p).build()));
    servers.add(server);
    return new RunningAtSign(
        atSign, new HostPort(host, server.port()), assignment.cramSecret(), credentials);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Stops the atDirectory and every atServer, closes storage and event loops, removes {@code
   * platform.json} and releases the home. Calling it again does nothing.
   *
   * @return whether everything stopped without error
   */
  public synchronized boolean stop() {
    if (stopped) {
      return true;
    }
    stopped = true;
    boolean clean = true;
    if (directory != null) {
      clean &= quietly("the atDirectory", directory::close);
      directory = null;
    }
    for (AtServer server : servers) {
      clean &= quietly("the atServer of " + server.atSign(), server::close);
    }
    servers.clear();
    clean &= quietly("storage", stores::close);
    clean &= quietly("event loops", loops::close);
    clean &= quietly("platform.json", () -> deleteQuietly(layout.platformFile()));
    lock.close();
    return clean;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean quietly(String what, Runnable action) {
    try {
      action.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("stopping {} failed", what, e);
      return false;
    }
  }
}
