package dev.atpj.server.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.server.cache.CacheRefreshJob;
import dev.atpj.server.cache.RemoteCache;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.server.core.DirectoryClients;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LatencyLog;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything one atServer needs to work with other atServers (docs/protocol.md Part A §8, §11, B5,
 * B8, B13): the atDirectory client, the pool of outbound connections with its {@code from}/{@code
 * pol} handshake and cookies, the checks of inbound {@code from} (client certificate, block list)
 * and {@code pol} (proof signed by the peer), the cache of other atSigns' keys and its refresh job.
 * Created when the server starts and closed when it stops. Thread-safe.
 */
public final class Peers implements AutoCloseable {
  private final AtSign me;
  private final AtStore store;
  private final AtCrypto crypto;
  private final PeerConfig config;
  private final DirectoryClients.Handle directoryHandle;
  private final DirectoryClient directory;
  private final CookieJar cookies;
  private final BlockList blockList;
  private final ClientCertificateCheck certificates;
  private final PeerSigningKeys signingKeys;
  private final OutboundPool pool;
  private final RemoteCache cache;
  private final CacheRefreshJob refreshJob;
  private volatile PrivateKey signingKey;

  private Peers(
      AtSign me,
      PeerConfig config,
      TlsFiles tlsFiles,
      AtStore store,
      KeyWriter keyWriter,
      Clock clock,
      AtCrypto crypto,
      EventLoops loops,
      DirectoryClients directories) {
    this.me = me;
    this.config = config;
    this.store = store;
    this.crypto = crypto;
    ClientTlsContext tls = ClientTlsContext.create(tlsFiles.trustedCa(), tlsFiles);
    // shared with the environment's other atServers: the directory needs no client certificate
    this.directoryHandle =
        config.directory() == null
            ? null
            : directories.acquire(config.directory(), tlsFiles.trustedCa());
    this.directory = directoryHandle == null ? null : directoryHandle.client();
    this.cookies = new CookieJar(clock);
    this.blockList = new BlockList(store);
    this.certificates = new ClientCertificateCheck(tlsFiles.trustedCa());
    PeerHandshake handshake = new PeerHandshake(me, crypto, this::ownSigningKey, cookies, config);
    this.pool = new OutboundPool(me, config, loops, tls, directory, handshake, System::nanoTime);
    this.signingKeys =
        new PeerSigningKeys(
            peer ->
                request(
                    peer,
                    Access.PUBLIC,
                    "lookup:" + ReservedKeys.signingPublicKey(peer).entity() + peer,
                    config.requestTimeout()),
            crypto,
            clock,
            config.signingKeyCacheTime());
    this.cache =
        new RemoteCache(me, store, keyWriter, clock, this::lookupAll, config.publicCacheTime());
    this.refreshJob =
        new CacheRefreshJob(
            store, cache, clock, loops.workers().next(), config.cacheRefreshInterval());
  }

  /**
   * Creates the services of a starting server, warms up the crypto of its first handshakes ({@link
   * PeerWarmUp}), starts the cache refresh job and opens the atDirectory connection ahead when
   * configured (once for every atServer sharing the directory client).
   *
   * @param me the atSign this server serves
   * @param config how this server talks to other atServers
   * @param tlsFiles the server's certificate chain and key, and the CA it trusts
   * @param store the atSign's storage (signing keys, block list, cached keys)
   * @param keyWriter writes cached keys
   * @param clock the clock
   * @param crypto the platform's crypto conventions
   * @param loops the process's event loops
   * @param directories the environment's atDirectory clients, one of which this server shares
   * @return the services; close them when the server stops
   */
  public static Peers start(
      AtSign me,
      PeerConfig config,
      TlsFiles tlsFiles,
      AtStore store,
      KeyWriter keyWriter,
      Clock clock,
      AtCrypto crypto,
      EventLoops loops,
      DirectoryClients directories) {
    Peers peers =
        new Peers(me, config, tlsFiles, store, keyWriter, clock, crypto, loops, directories);
    PeerWarmUp.run(me, store, crypto, tlsFiles, peers::ownSigningKey, peers.certificates);
    peers.refreshJob.start();
    if (peers.directory != null && peers.config.directory().connectAtStart()) {
      peers.directory.connectAhead();
    }
    return peers;
  }

  /** The configuration. */
  public PeerConfig config() {
    return config;
  }

  /** The cookies this server places for its own handshakes. */
  public CookieJar cookies() {
    return cookies;
  }

  /** The blocked atSigns. */
  public BlockList blockList() {
    return blockList;
  }

  /** The cache of other atSigns' keys. */
  public RemoteCache cache() {
    return cache;
  }

  /** The cache refresh job. */
  public CacheRefreshJob refreshJob() {
    return refreshJob;
  }

  /**
   * Sends a command to another atSign's atServer over a pooled connection and reads the payload. A
   * request that fails because a reused connection had just closed is sent once more on a new one
   * (every request sent this way is a read).
   *
   * @param peer the other atSign
   * @param access unauthenticated or pol-authenticated as this atSign
   * @param command the command line
   * @param timeout bound on the answer
   * @return the text after {@code data:}; fails with the other atServer's error or a connection
   *     error (AT0007, AT0021, AT0008, AT0013, AT0023, AT0006)
   */
  public CompletableFuture<String> request(
      AtSign peer, Access access, String command, Duration timeout) {
    return pool.acquire(peer, access)
        .thenCompose(
            connection -> {
              boolean reused = connection.requestCount() > 0;
              return connection
                  .request(command, timeout)
                  .exceptionallyCompose(
                      failure -> {
                        if (reused
                            && !connection.isOpen()
                            && Failures.is(failure, AtErrorCode.UNABLE_TO_CONNECT)) {
                          return pool.acquire(peer, access)
                              .thenCompose(fresh -> fresh.request(command, timeout));
                        }
                        return CompletableFuture.failedFuture(Failures.unwrap(failure));
                      });
            });
  }

  /**
   * Where another atSign's atServer lives.
   *
   * @param atSign the atSign
   * @return its address; fails with AT0007 when the directory does not know it (or none is
   *     configured) and AT0021 when the directory cannot be reached
   */
  public CompletableFuture<HostPort> locate(AtSign atSign) {
    if (directory == null) {
      return CompletableFuture.failedFuture(
          new AtException(
              AtErrorCode.SECONDARY_NOT_FOUND,
              atSign + " cannot be found: this atServer has no atDirectory configured"));
    }
    return directory
        .find(atSign)
        .thenApply(
            found ->
                found.orElseThrow(
                    () ->
                        new AtException(
                            AtErrorCode.SECONDARY_NOT_FOUND,
                            atSign + " is not known to the atDirectory")));
  }

  /**
   * Whether a connection's client certificate may speak for an atSign whose atServer is on a host.
   *
   * @param chain the presented chain, leaf first
   * @param host the host the directory gives for the atSign
   * @return true when accepted
   */
  public boolean acceptsCertificate(List<X509Certificate> chain, String host) {
    return certificates.accepts(chain, host);
  }

  /**
   * Checks a {@code pol} (docs/protocol.md B5 step 6): reads the cookie {@code
   * public:<sessionId>@peer} and {@code public:signing_publickey@peer} from the peer's atServer and
   * verifies that the cookie is the peer's SHA256withRSA signature of the proof. A cached signing
   * key that does not verify is fetched again once (the peer may have new keys).
   *
   * @param peer the atSign that sent {@code from}
   * @param sessionId the inbound connection's session id, the cookie's name
   * @param proof the proof sent with the {@code from} answer
   * @return completes when verified; fails with AT0401 when the cookie is missing or wrong, or a
   *     connection error
   */
  public CompletableFuture<Void> verifyPol(AtSign peer, String sessionId, String proof) {
    boolean keyWasCached = signingKeys.isCached(peer);
    long started = System.nanoTime();
    CompletableFuture<String> cookie =
        request(peer, Access.PUBLIC, "lookup:" + sessionId + peer, config.requestTimeout())
            .whenComplete((c, f) -> LatencyLog.step("pol cookie fetched", peer, started))
            .exceptionallyCompose(
                failure ->
                    CompletableFuture.failedFuture(
                        Failures.is(failure, AtErrorCode.KEY_NOT_FOUND)
                            ? polFailed("no proof was placed at " + sessionId + peer)
                            : Failures.unwrap(failure)));
    return cookie.thenCompose(
        signature ->
            signingKeys
                .get(peer, false)
                .thenCompose(
                    key -> {
                      LatencyLog.step("pol signing key at hand", peer, started);
                      if (verifies(proof, signature, key)) {
                        LatencyLog.step("pol verified", peer, started);
                        return CompletableFuture.<Void>completedFuture(null);
                      }
                      if (!keyWasCached) {
                        return CompletableFuture.<Void>failedFuture(polFailed(null));
                      }
                      return signingKeys
                          .get(peer, true)
                          .thenAccept(
                              fresh -> {
                                if (!verifies(proof, signature, fresh)) {
                                  throw polFailed(null);
                                }
                              });
                    }));
  }

  /**
   * Starts fetching another atSign's signing public key, so that the {@code pol} expected after its
   * {@code from} finds the connection to its atServer open and the key at hand: the handshake then
   * costs one TLS connection less on its critical path. Failures are ignored ({@code pol} fetches
   * again).
   *
   * @param peer the atSign that sent {@code from}
   */
  public void prefetchSigningKey(AtSign peer) {
    if (!signingKeys.isCached(peer)) {
      signingKeys.get(peer, false).exceptionally(failure -> null);
    }
  }

  /**
   * The atDirectory client, shared with the environment's other atServers that ask the same
   * directory the same way; null when no directory is configured.
   */
  public DirectoryClient directoryClient() {
    return directory;
  }

  /** Whether a connection to the atDirectory is kept open (or being opened) for lookups now. */
  public boolean keepsDirectoryConnection() {
    return directory != null && directory.keepsConnection();
  }

  /** Outbound connections open now. */
  public int activeOutboundConnections() {
    return pool.activeConnections();
  }

  /** Outbound connections open but with no request in flight. */
  public int idleOutboundConnections() {
    return pool.idleConnections();
  }

  /** Completed outbound {@code from}/{@code pol} handshakes since start. */
  public long handshakesPerformed() {
    return pool.handshakesPerformed();
  }

  /** Outbound TLS connections opened since start. */
  public long outboundConnectionsOpened() {
    return pool.connectionsOpened();
  }

  @Override
  public void close() {
    refreshJob.close();
    pool.close();
    if (directoryHandle != null) {
      directoryHandle.close(); // the last atServer sharing the client closes it
    }
  }

  private CompletableFuture<String> lookupAll(AtKey origin) {
    Access access =
        origin.visibility() == KeyVisibility.PUBLIC ? Access.PUBLIC : Access.AUTHENTICATED;
    return request(
        origin.owner(),
        access,
        "lookup:all:" + origin.entity() + origin.owner(),
        config.lookupTimeout());
  }

  private boolean verifies(String proof, String signature, PublicKey key) {
    try {
      return crypto.verify(proof, signature, key, "SHA256withRSA");
    } catch (AtException e) {
      return false;
    }
  }

  private PrivateKey ownSigningKey() {
    PrivateKey key = signingKey;
    if (key == null) {
      String encoded =
          store
              .get(ReservedKeys.signingPrivateKey(me).toString())
              .map(StoredValue::value)
              .orElseThrow(
                  () ->
                      new AtException(
                          AtErrorCode.HANDSHAKE_FAILURE, "this atServer has no signing key"));
      key = crypto.decodePrivateKey(encoded);
      signingKey = key;
    }
    return key;
  }

  private static AtException polFailed(String why) {
    return new AtException(
        AtErrorCode.UNAUTHENTICATED,
        why == null ? "Pol Authentication Failed" : "Pol Authentication Failed: " + why);
  }
}
