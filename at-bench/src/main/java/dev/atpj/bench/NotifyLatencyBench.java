package dev.atpj.bench;

import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.reply.ReplyParser;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.LineClient;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.rocksdb.StoreEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notification latency between two atServers: from the moment a client sends {@code notify} to
 * {@code @alice}'s atServer to the moment the {@code notification:} line reaches a monitor on
 * {@code @bob}'s atServer. Both servers and an atDirectory run in this process on their own
 * loopback addresses ({@code 127.0.0.2}, {@code 127.0.0.3}, directory on {@code 127.0.0.1}) with
 * their own certificates, real TLS and real (synced) storage in the work folder.
 *
 * <ul>
 *   <li><b>cold (first)</b>: the first notification after the servers start: directory lookups, TLS
 *       and the {@code from}/{@code pol} handshake (with its call back for the proof) included, and
 *       a JVM that has not run this code before.
 *   <li><b>warm</b>: notifications sent at {@link #rate} per second, open loop (each send is
 *       scheduled, not triggered by the previous answer), for the warm-up and then the measured
 *       duration; percentiles over the measured ones.
 *   <li><b>cold (new peers)</b>: afterwards, {@link #coldSamples} times, the first notification
 *       between two further fresh atServers ({@code 127.0.0.4}, {@code 127.0.0.5}, then {@code .6},
 *       {@code .7} …) that have never talked: directory lookups, TLS and {@code from}/{@code pol}
 *       again, but warm code and a running platform (what a new conversation costs). One row with
 *       the samples' percentiles.
 * </ul>
 *
 * <p>Run it with {@code ./atp bench notify --duration 10s --warmup 3s}.
 */
public final class NotifyLatencyBench {
  /** Default warm sending rate, notifications per second. */
  public static final int DEFAULT_RATE = 200;

  /** Default number of cold samples between new peers. */
  public static final int DEFAULT_COLD_SAMPLES = 10;

  /** The most cold samples: each takes two loopback addresses of 127.0.0.4 to 127.0.0.254. */
  public static final int MAX_COLD_SAMPLES = 125;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String DIRECTORY_HOST = "127.0.0.1";

  private final BenchPki pki;
  private final Path workDir;
  private final EventLoops serverLoops;
  private final EventLoops clientLoops;
  private final NotificationConfig notifications;
  private final int rate;
  private final StoreConfig storeConfig;
  private final int coldSamples;
  private final InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
  private final List<AtServer> servers = new ArrayList<>();
  private final List<LineClient> clients = new ArrayList<>();
  private final List<long[]> timeline = new ArrayList<>();
  private DirectoryServer directory;
  private StoreEnvironment stores;
  private AtServerEnvironment environment;

  /**
   * A benchmark with chosen settings (to compare them).
   *
   * @param pki certificates
   * @param workDir storage and certificates go here
   * @param serverLoops the servers' event loops
   * @param clientLoops the clients' event loops
   * @param notifications the servers' notification settings
   * @param rate warm notifications per second
   * @param storeConfig the servers' storage settings (sync policy)
   */
  public NotifyLatencyBench(
      BenchPki pki,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops,
      NotificationConfig notifications,
      int rate,
      StoreConfig storeConfig) {
    this(
        pki,
        workDir,
        serverLoops,
        clientLoops,
        notifications,
        rate,
        storeConfig,
        DEFAULT_COLD_SAMPLES);
  }

  /**
   * A benchmark with chosen settings and number of cold samples.
   *
   * @param pki certificates
   * @param workDir storage and certificates go here
   * @param serverLoops the servers' event loops
   * @param clientLoops the clients' event loops
   * @param notifications the servers' notification settings
   * @param rate warm notifications per second
   * @param storeConfig the servers' storage settings (sync policy)
   * @param coldSamples how many fresh pairs measure cold (new peers), 1 to {@link
   *     #MAX_COLD_SAMPLES}
   */
  public NotifyLatencyBench(
      BenchPki pki,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops,
      NotificationConfig notifications,
      int rate,
      StoreConfig storeConfig,
      int coldSamples) {
    if (coldSamples < 1 || coldSamples > MAX_COLD_SAMPLES) {
      throw new IllegalArgumentException("coldSamples must be 1 to " + MAX_COLD_SAMPLES);
    }
    this.coldSamples = coldSamples;
    this.pki = pki;
    this.workDir = workDir;
    this.serverLoops = serverLoops;
    this.clientLoops = clientLoops;
    this.notifications = notifications;
    this.rate = rate;
    this.storeConfig = storeConfig;
  }

  /**
   * Runs the benchmark with default notification settings.
   *
   * @return cold (first), warm and cold (new peers) results
   */
  static List<BenchResult> run(
      BenchPki pki,
      BenchOptions options,
      Path workDir,
      EventLoops serverLoops,
      EventLoops clientLoops)
      throws Exception {
    return new NotifyLatencyBench(
            pki,
            workDir,
            serverLoops,
            clientLoops,
            NotificationConfig.DEFAULT,
            DEFAULT_RATE,
            StoreConfig.DEFAULT)
        .run(options);
  }

  /**
   * Runs it.
   *
   * @param options warm-up and measured duration
   * @return cold (first), warm and cold (new peers) results
   * @throws Exception when a server cannot start or a notification does not arrive
   */
  public List<BenchResult> run(BenchOptions options) throws Exception {
    stores = new StoreEnvironment();
    environment = new AtServerEnvironment(serverLoops, stores, Clock.systemUTC());
    directory =
        DirectoryServer.start(
            serverLoops,
            DirectoryConfig.defaults(DIRECTORY_HOST, 0),
            ServerTlsContext.load(pki.tlsFiles("directory", DIRECTORY_HOST), false),
            registry);
    try {
      Pair first = pair("@alice", "127.0.0.2", "@bob", "127.0.0.3");
      BenchResult cold = one("atpj notify cold (first)", first);
      send(first, rate, options.warmup(), null);
      List<Long> warm = new ArrayList<>();
      long errors = send(first, rate, options.duration(), warm);
      errors += first.monitor().unexpected(); // duplicates or strays
      long[] sorted = warm.stream().mapToLong(Long::longValue).sorted().toArray();
      BenchResult measured =
          new BenchResult(
              "atpj notify warm " + rate + "/s", sorted.length, errors, seconds(options), sorted);
      return List.of(cold, measured, coldNewPeers());
    } finally {
      clients.forEach(LineClient::close);
      for (AtServer server : servers) {
        server.close();
      }
      directory.close();
      stores.close();
    }
  }

  /** A sender's owner connection and a monitor on the recipient's atServer. */
  private record Pair(String from, String to, LineClient sender, MonitorLines monitor) {}

  private Pair pair(String from, String fromHost, String to, String toHost) throws Exception {
    AtServer sender = start(from, fromHost);
    AtServer recipient = start(to, toHost);
    LineClient owner = owner(sender, fromHost, ReplyParser::stripPrompt);
    MonitorLines monitor = new MonitorLines();
    LineClient watcher = owner(recipient, toHost, monitor::strip);
    watcher.onUnsolicited(monitor::arrived);
    watcher.send("monitor:strict");
    watcher.request("noop:0", TIMEOUT).get(); // the monitor is registered before this answer
    return new Pair(from, to, owner, monitor);
  }

  /**
   * The first notification between fresh pairs of atServers, one pair per sample; each pair's
   * servers and monitor are ready before its notification is sent.
   */
  private BenchResult coldNewPeers() throws Exception {
    long[] latency = new long[coldSamples];
    for (int i = 0; i < coldSamples; i++) {
      Pair pair =
          pair("@carol" + i, "127.0.0." + (4 + 2 * i), "@dave" + i, "127.0.0." + (5 + 2 * i));
      latency[i] = notifyOnce(pair).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
    double seconds = Arrays.stream(latency).sum() / 1e9;
    Arrays.sort(latency);
    return new BenchResult(
        "atpj notify cold (new peers) x" + coldSamples, coldSamples, 0, seconds, latency);
  }

  private BenchResult one(String name, Pair pair) throws Exception {
    long[] latency = {notifyOnce(pair).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)};
    return new BenchResult(name, 1, 0, latency[0] / 1e9, latency);
  }

  /**
   * The measured warm notifications of the last run: for each, milliseconds since the first was
   * sent and its latency in microseconds, in sending order (to see when slow ones happened).
   */
  public List<long[]> warmTimeline() {
    return List.copyOf(timeline);
  }

  /** Sends at a fixed rate for a while; records latencies into {@code into} unless null. */
  private long send(Pair pair, int perSecond, Duration length, List<Long> into) throws Exception {
    long count = Math.max(1, length.toMillis() * perSecond / 1000);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    List<CompletableFuture<Long>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      all.add(notifyOnce(pair));
    }
    long errors = 0;
    if (into != null) {
      timeline.clear();
    }
    for (int i = 0; i < all.size(); i++) {
      try {
        long nanos = all.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (into != null) {
          into.add(nanos);
          timeline.add(new long[] {i * periodNanos / 1_000_000, nanos / 1000});
        }
      } catch (Exception e) {
        errors++;
      }
    }
    return errors;
  }

  /** Sends one notification; completes with the nanoseconds until the monitor had it. */
  private CompletableFuture<Long> notifyOnce(Pair pair) {
    String id = UUID.randomUUID().toString();
    CompletableFuture<Long> arrived = pair.monitor().expect(id);
    long sent = System.nanoTime();
    pair.sender()
        .request(
            "notify:id:" + id + ":" + pair.to() + ":bench.nb" + pair.from() + ":" + id, TIMEOUT)
        .thenAccept(
            reply -> {
              if (!reply.equals("data:" + id)) {
                arrived.completeExceptionally(new IllegalStateException(reply));
              }
            });
    return arrived.thenApply(at -> at - sent);
  }

  private AtServer start(String atSign, String host) throws Exception {
    Path storage = Files.createTempDirectory(workDir, "notify-bench-");
    AtServerConfig config =
        AtServerConfig.builder(
                AtSign.parse(atSign), storage, pki.tlsFiles(AtSign.parse(atSign).name(), host))
            .bindHost(host)
            .port(0)
            .cramSecret(secretOf(atSign))
            .peers(
                PeerConfig.builder()
                    .directory(
                        DirectoryClientConfig.defaults(
                            new HostPort(DIRECTORY_HOST, directory.port())))
                    .build())
            .notifications(notifications)
            .storeConfig(storeConfig)
            .build();
    AtServer server = AtServer.start(environment, config);
    servers.add(server);
    registry.put(AtSign.parse(atSign), new HostPort(host, server.port()));
    return server;
  }

  private LineClient owner(
      AtServer server, String host, java.util.function.UnaryOperator<String> stripper)
      throws Exception {
    ClientTlsContext tls = ClientTlsContext.create(pki.caFile(), null);
    LineClient client =
        LineClient.connect(clientLoops, tls, host, server.port(), TIMEOUT, stripper).get();
    clients.add(client);
    String atSign = server.atSign().toString();
    String challenge = client.request("from:" + atSign, TIMEOUT).get().substring(5);
    String answer =
        client.request("cram:" + AtCrypto.cramDigest(secretOf(atSign), challenge), TIMEOUT).get();
    if (!answer.equals("data:success")) {
      throw new IllegalStateException("cram failed: " + answer);
    }
    return client;
  }

  private static String secretOf(String atSign) {
    return "bench-secret-" + AtSign.parse(atSign).name();
  }

  private static double seconds(BenchOptions options) {
    return options.duration().toNanos() / 1e9;
  }

  @Override
  public String toString() {
    return "notify latency " + Arrays.asList(rate, notifications.pushBeforeDurable());
  }
}
