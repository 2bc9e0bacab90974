package dev.atpj.server.config;

import static dev.atpj.server.config.SettingType.BOOLEAN;
import static dev.atpj.server.config.SettingType.CHOICE;
import static dev.atpj.server.config.SettingType.DOUBLE;
import static dev.atpj.server.config.SettingType.DURATION;
import static dev.atpj.server.config.SettingType.INT;
import static dev.atpj.server.config.SettingType.LONG;
import static dev.atpj.server.config.SettingType.PATH;
import static dev.atpj.server.config.SettingType.STRING;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.auth.AuthLimits;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.core.ShrinkingIdlePolicy;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.ops.LogCompaction;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.server.peer.PeerConfig;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.SyncPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The configuration of one atServer process (one atServer and, optionally, its metrics endpoint):
 * every option of {@link AtServerConfig} named, typed and defaulted in {@link #SETTINGS}, read from
 * a properties file and overridden by environment variables ({@code ATPJ_…}, see {@link
 * Setting#environmentName()}) and then by command-line options. Precedence: command line &gt;
 * environment &gt; file &gt; default. Unknown names in the file or on the command line are errors
 * (typos do not pass silently); unrelated environment variables are ignored. Only the CLI reads the
 * real environment and passes it in.
 */
public final class ServerSettings {
  /** Every option, in the order they are documented. */
  public static final List<Setting> SETTINGS = catalogue();

  /** Where a resolved value came from. */
  public enum Source {
    /** The catalogue's default. */
    DEFAULT,
    /** The configuration file. */
    FILE,
    /** An {@code ATPJ_…} environment variable. */
    ENVIRONMENT,
    /** The command line. */
    COMMAND_LINE
  }

  private final Map<String, String> values;
  private final Map<String, Source> sources;

  private ServerSettings(Map<String, String> values, Map<String, Source> sources) {
    this.values = values;
    this.sources = sources;
  }

  private static List<Setting> catalogue() {
    AuthLimits auth = AuthLimits.DEFAULT;
    ShrinkingIdlePolicy idle = ShrinkingIdlePolicy.REFERENCE_DEFAULTS;
    StoreConfig store = StoreConfig.DEFAULT;
    OpsConfig ops = OpsConfig.DEFAULT;
    List<Setting> s = new ArrayList<>();
    s.add(new Setting("atSign", STRING, null, "the atSign this server serves"));
    s.add(new Setting("storageDir", PATH, null, "this atSign's storage folder"));
    s.add(new Setting("tls.certificate", PATH, null, "PEM certificate chain of the server"));
    s.add(new Setting("tls.privateKey", PATH, null, "PEM (PKCS#8) private key of the server"));
    s.add(new Setting("tls.trustedCa", PATH, "", "PEM CA to trust for outbound calls; empty: JDK"));
    s.add(text("bindHost", AtServerConfig.DEFAULT_BIND_HOST, "address to listen on"));
    s.add(num("port", INT, AtServerConfig.DEFAULT_PORT, "port to listen on (0: any free port)"));
    s.add(text("cramSecret", "", "initial CRAM secret; empty: none"));
    s.add(
        new Setting(
            "cramSecretFile",
            PATH,
            "",
            "file whose first line is the initial CRAM secret (instead of cramSecret); empty: none"));
    s.add(
        text(
            "directory",
            "",
            "host:port of the atDirectory that says where other atSigns' atServers are; empty:"
                + " none (no server-to-server calls)"));
    s.add(
        time(
            "directory.keepAlive",
            DirectoryClientConfig.DEFAULT_KEEP_ALIVE,
            "how long the connection kept open to the atDirectory (shared by the atServers of one"
                + " process) may stay unused; 0s: a new connection per lookup"));
    s.add(
        new Setting(
            "directory.connectAtStart",
            BOOLEAN,
            Boolean.toString(DirectoryClientConfig.DEFAULT_CONNECT_AT_START),
            "open the kept atDirectory connection when the server starts, so the first"
                + " server-to-server request does not wait for its TLS handshake"));
    s.add(num("maxLineBytes", INT, AtServerConfig.DEFAULT_MAX_LINE_BYTES, "longest command line"));
    s.add(
        num(
            "maxConnections",
            INT,
            AtServerConfig.DEFAULT_MAX_CONNECTIONS,
            "inbound connections at once"));
    s.add(
        time(
            "idle.unauthenticated",
            idle.unauthenticatedIdle(),
            "idle time of unauthenticated connections"));
    s.add(
        time(
            "idle.authenticated",
            idle.authenticatedIdle(),
            "idle time of authenticated connections"));
    s.add(
        time(
            "idle.unauthenticatedFloor",
            idle.unauthenticatedFloor(),
            "the same when the server is full"));
    s.add(
        time(
            "idle.authenticatedFloor",
            idle.authenticatedFloor(),
            "the same when the server is full"));
    s.add(
        new Setting(
            "idle.lowWaterFraction",
            DOUBLE,
            Double.toString(idle.lowWaterFraction()),
            "fraction of the connection limit above which idle times shrink"));
    s.add(
        new Setting(
            "store.syncPolicy",
            CHOICE,
            store.syncPolicy().name(),
            "when the write-ahead log is synced: SYNC_EVERY_COMMIT, PERIODIC or NONE"));
    s.add(time("store.syncInterval", store.syncInterval(), "longest time between syncs"));
    s.add(num("store.writeBufferBytes", LONG, store.writeBufferBytes(), "memtable size"));
    s.add(num("store.maxOpenFiles", INT, store.maxOpenFiles(), "table files kept open"));
    s.add(
        num(
            "store.maxBackgroundJobs",
            INT,
            store.maxBackgroundJobs(),
            "RocksDB flush and compaction jobs"));
    s.add(num("store.maxBatchOps", INT, store.maxBatchOps(), "operations per group commit"));
    s.add(
        num(
            "store.pageScanLimit",
            INT,
            store.pageScanLimit(),
            "commit entries one storage page call examines"));
    s.add(
        time(
            "expiry.sweepInterval",
            AtServerConfig.DEFAULT_EXPIRY_SWEEP_INTERVAL,
            "how often expired keys are removed"));
    s.add(
        num(
            "expiry.batchSize",
            INT,
            AtServerConfig.DEFAULT_EXPIRY_SWEEP_BATCH_SIZE,
            "expired keys per batch"));
    s.add(
        num(
            "auth.freeFailures",
            INT,
            auth.freeFailuresPerConnection(),
            "auth failures per connection answered at once"));
    s.add(time("auth.firstDelay", auth.firstDelay(), "delay of the next answer after those"));
    s.add(time("auth.maxDelay", auth.maxDelay(), "longest such delay"));
    s.add(
        num(
            "auth.maxFailuresPerConnection",
            INT,
            auth.maxFailuresPerConnection(),
            "auth failures closing the connection"));
    s.add(
        num(
            "auth.maxFailuresPerAddress",
            INT,
            auth.maxFailuresPerAddress(),
            "auth failures per address before it backs off"));
    s.add(time("auth.addressWindow", auth.addressWindow(), "longest backoff of an address"));
    s.add(num("auth.maxTrackedAddresses", INT, auth.maxTrackedAddresses(), "addresses remembered"));
    s.add(
        num(
            "auth.globalFailureBurst",
            INT,
            auth.globalFailureBurst(),
            "checked auth failures of the atSign allowed at once"));
    s.add(
        num(
            "auth.globalFailuresPerMinute",
            INT,
            auth.globalFailuresPerMinute(),
            "how fast that budget refills"));
    s.add(num("sync.pageLimit", INT, ops.syncPageLimit(), "most entries per sync reply"));
    s.add(num("sync.byteBudget", LONG, ops.syncByteBudget(), "most bytes per sync reply"));
    s.add(num("stats.topN", INT, ops.statsTopN(), "atSigns and keys in stats:5 and stats:6"));
    s.add(
        new Setting(
            "accessLog.enabled",
            BOOLEAN,
            Boolean.toString(ops.accessLogEnabled()),
            "record logins, authentications and lookups"));
    compaction(s, "commitLog", ops.commitLog());
    compaction(s, "accessLog", ops.accessLog());
    compaction(s, "notificationLog", ops.notificationLog());
    notifications(s, NotificationConfig.DEFAULT);
    s.add(
        time(
            "tls.checkInterval",
            ops.certificateCheckInterval(),
            "how often replaced certificate files are picked up (0s: never)"));
    s.add(
        new Setting(
            "metrics.enabled", BOOLEAN, "false", "serve Prometheus metrics on metrics.port"));
    s.add(text("metrics.host", "127.0.0.1", "address of the metrics endpoint"));
    s.add(num("metrics.port", INT, 9464, "port of the metrics endpoint"));
    return List.copyOf(s);
  }

  private static void compaction(List<Setting> s, String log, LogCompaction c) {
    String p = "compaction." + log + ".";
    s.add(time(p + "interval", c.interval(), "pause between " + log + " compactions (0s: off)"));
    s.add(time(p + "maxAge", c.maxAge(), "how long " + log + " records are kept"));
    s.add(num(p + "maxEntries", LONG, c.maxEntries(), "most " + log + " records kept"));
  }

  private static void notifications(List<Setting> s, NotificationConfig n) {
    s.add(time("notify.ttln", n.defaultTtln(), "life of a notification sent without ttln"));
    s.add(time("notify.retryMinDelay", n.retryMinDelay(), "first pause before a retry"));
    s.add(time("notify.retryMaxDelay", n.retryMaxDelay(), "longest pause between retries"));
    s.add(
        new Setting(
            "notify.retryJitter",
            DOUBLE,
            Double.toString(n.retryJitter()),
            "random share of each retry pause (0..1)"));
    s.add(num("notify.maxAttempts", INT, n.maxAttempts(), "attempts per notification (0: ttln)"));
    s.add(time("notify.deliveryTimeout", n.deliveryTimeout(), "bound on the recipient's answer"));
    s.add(
        num(
            "notify.maxInFlightPerRecipient",
            INT,
            n.maxInFlightPerRecipient(),
            "notifications to one atSign sent and not yet answered"));
    s.add(
        time(
            "notify.statsInterval",
            n.statsInterval(),
            "least time between stats notifications (0s: none)"));
    s.add(
        new Setting(
            "notify.autoNotify",
            BOOLEAN,
            Boolean.toString(n.autoNotify()),
            "notify the atSign a key is shared with when it changes"));
    s.add(
        new Setting(
            "notify.pushBeforeDurable",
            BOOLEAN,
            Boolean.toString(n.pushBeforeDurable()),
            "push received notifications to monitors while they are synced"));
    s.add(
        time(
            "notify.compactionInterval",
            n.compactionInterval(),
            "how often expired notifications are removed"));
    s.add(
        num(
            "notify.compactionBatchSize",
            INT,
            n.compactionBatchSize(),
            "most expired notifications removed per run"));
    s.add(num("notify.listLimit", INT, n.listLimit(), "most notifications per notify:list"));
  }

  private NotificationConfig notifications() {
    return NotificationConfig.builder()
        .defaultTtln(duration("notify.ttln"))
        .retryMinDelay(duration("notify.retryMinDelay"))
        .retryMaxDelay(duration("notify.retryMaxDelay"))
        .retryJitter(Double.parseDouble(get("notify.retryJitter")))
        .maxAttempts(integer("notify.maxAttempts"))
        .deliveryTimeout(duration("notify.deliveryTimeout"))
        .maxInFlightPerRecipient(integer("notify.maxInFlightPerRecipient"))
        .statsInterval(duration("notify.statsInterval"))
        .autoNotify(SettingType.bool(get("notify.autoNotify")))
        .pushBeforeDurable(SettingType.bool(get("notify.pushBeforeDurable")))
        .compactionInterval(duration("notify.compactionInterval"))
        .compactionBatchSize(integer("notify.compactionBatchSize"))
        .listLimit(integer("notify.listLimit"))
        .build();
  }

  private static Setting text(String name, String value, String description) {
    return new Setting(name, STRING, value, description);
  }

  private static Setting num(String name, SettingType type, long value, String description) {
    return new Setting(name, type, Long.toString(value), description);
  }

  private static Setting time(String name, Duration value, String description) {
    return new Setting(name, DURATION, SettingType.format(value), description);
  }

  /**
   * Resolves settings: command line over environment over file over defaults.
   *
   * @param file the configuration file, or null for none
   * @param environment the process environment (only {@code ATPJ_…} names are read)
   * @param commandLine options given on the command line, by setting name
   * @return the settings, each checked against its type
   * @throws IllegalArgumentException for an unknown name, a bad value or a missing required one
   */
  public static ServerSettings resolve(
      Path file, Map<String, String> environment, Map<String, String> commandLine) {
    Map<String, Setting> known = new LinkedHashMap<>();
    SETTINGS.forEach(s -> known.put(s.name(), s));
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    SETTINGS.forEach(s -> values.put(s.name(), s.defaultValue()));
    SETTINGS.forEach(s -> sources.put(s.name(), Source.DEFAULT));
    if (file != null) {
      Properties properties = read(file);
      for (String name : new TreeSet<>(properties.stringPropertyNames())) {
        put(known, values, name, properties.getProperty(name), "in " + file);
        sources.put(name, Source.FILE);
      }
    }
    for (Setting s : SETTINGS) {
      String v = environment.get(s.environmentName());
      if (v != null) {
        put(known, values, s.name(), v, "in " + s.environmentName());
        sources.put(s.name(), Source.ENVIRONMENT);
      }
    }
    commandLine.forEach(
        (name, v) -> {
          put(known, values, name, v, "on the command line");
          sources.put(name, Source.COMMAND_LINE);
        });
    for (Setting s : SETTINGS) {
      if (values.get(s.name()) == null) {
        throw new IllegalArgumentException(
            "missing setting " + s.name() + " (" + s.description() + ")");
      }
    }
    return new ServerSettings(values, sources);
  }

  private static void put(
      Map<String, Setting> known, Map<String, String> values, String name, String v, String where) {
    Setting s = known.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting " + name + " " + where);
    }
    String value = v.trim();
    try {
      s.type().check(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "bad value for " + name + " " + where + ": " + value + " is not a valid " + s.type());
    }
    values.put(name, value);
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return properties;
  }

  /** The resolved value of a setting, as text. */
  public String get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("unknown setting " + name);
    }
    return values.get(name);
  }

  /**
   * Where the value of a setting came from.
   *
   * @param name the setting's name
   * @return the command line, the environment, the file or the default
   */
  public Source source(String name) {
    get(name);
    return sources.get(name);
  }

  private int integer(String name) {
    return Integer.parseInt(get(name));
  }

  private long number(String name) {
    return Long.parseLong(get(name));
  }

  private Duration duration(String name) {
    return SettingType.duration(get(name));
  }

  private Path path(String name) {
    String v = get(name);
    return v.isEmpty() ? null : Path.of(v);
  }

  /** Whether the metrics endpoint is on. */
  public boolean metricsEnabled() {
    return SettingType.bool(get("metrics.enabled"));
  }

  /** The metrics endpoint's address. */
  public String metricsHost() {
    return get("metrics.host");
  }

  /** The metrics endpoint's port. */
  public int metricsPort() {
    return integer("metrics.port");
  }

  /**
   * The atServer configuration.
   *
   * @return the validated configuration
   * @throws IllegalArgumentException when a value is out of range
   */
  public AtServerConfig toConfig() {
    String secret = cramSecret();
    String directory = get("directory");
    return AtServerConfig.builder(
            AtSign.parse(get("atSign")),
            path("storageDir"),
            new TlsFiles(path("tls.certificate"), path("tls.privateKey"), path("tls.trustedCa")))
        .bindHost(get("bindHost"))
        .port(integer("port"))
        .cramSecret(secret.isEmpty() ? null : secret)
        .peers(
            PeerConfig.builder()
                .directory(
                    directory.isEmpty()
                        ? null
                        : DirectoryClientConfig.defaults(endpoint("directory", directory))
                            .withKeepAlive(
                                duration("directory.keepAlive"),
                                SettingType.bool(get("directory.connectAtStart"))))
                .build())
        .maxLineBytes(integer("maxLineBytes"))
        .maxConnections(integer("maxConnections"))
        .idlePolicy(
            new ShrinkingIdlePolicy(
                duration("idle.unauthenticated"),
                duration("idle.authenticated"),
                duration("idle.unauthenticatedFloor"),
                duration("idle.authenticatedFloor"),
                Double.parseDouble(get("idle.lowWaterFraction"))))
        .storeConfig(
            new StoreConfig(
                SyncPolicy.valueOf(get("store.syncPolicy").toUpperCase(Locale.ROOT)),
                duration("store.syncInterval"),
                number("store.writeBufferBytes"),
                integer("store.maxOpenFiles"),
                integer("store.maxBackgroundJobs"),
                integer("store.maxBatchOps"),
                integer("store.pageScanLimit")))
        .expirySweepInterval(duration("expiry.sweepInterval"))
        .expirySweepBatchSize(integer("expiry.batchSize"))
        .authLimits(
            new AuthLimits(
                integer("auth.freeFailures"),
                duration("auth.firstDelay"),
                duration("auth.maxDelay"),
                integer("auth.maxFailuresPerConnection"),
                integer("auth.maxFailuresPerAddress"),
                duration("auth.addressWindow"),
                integer("auth.maxTrackedAddresses"),
                integer("auth.globalFailureBurst"),
                integer("auth.globalFailuresPerMinute")))
        .ops(
            new OpsConfig(
                integer("sync.pageLimit"),
                number("sync.byteBudget"),
                integer("stats.topN"),
                SettingType.bool(get("accessLog.enabled")),
                compaction("commitLog"),
                compaction("accessLog"),
                compaction("notificationLog"),
                duration("tls.checkInterval")))
        .notifications(notifications())
        .build();
  }

  /** The CRAM secret: {@code cramSecret}, or the first line of {@code cramSecretFile}. */
  private String cramSecret() {
    String secret = get("cramSecret");
    Path file = path("cramSecretFile");
    if (file == null) {
      return secret;
    }
    if (!secret.isEmpty()) {
      throw new IllegalArgumentException("set cramSecret or cramSecretFile, not both");
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      String first = lines.findFirst().orElse("").trim();
      if (first.isEmpty()) {
        throw new IllegalArgumentException("cramSecretFile " + file + " is empty");
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cramSecretFile " + file, e);
    }
  }

  private static HostPort endpoint(String name, String value) {
    try {
      return HostPort.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad value for " + name + ": " + e.getMessage(), e);
    }
  }

  private LogCompaction compaction(String log) {
    String p = "compaction." + log + ".";
    return new LogCompaction(
        duration(p + "interval"), duration(p + "maxAge"), number(p + "maxEntries"));
  }

  /**
   * A commented properties file listing every option with its type, default and environment
   * variable, the defaults commented out: a starting point for operators.
   *
   * @return the file text
   */
  public static String describe() {
    StringBuilder out = new StringBuilder("# atpj atServer configuration (one file per server)\n");
    out.append("# precedence: command line > environment (ATPJ_...) > this file > default\n");
    for (Setting s : SETTINGS) {
      out.append('\n')
          .append("# ")
          .append(s.description())
          .append(" [")
          .append(s.type().name().toLowerCase(Locale.ROOT))
          .append(", env ")
          .append(s.environmentName())
          .append(s.required() ? ", required" : "")
          .append("]\n")
          .append(s.required() ? "" : "#")
          .append(s.name())
          .append('=')
          .append(s.required() ? "" : s.defaultValue())
          .append('\n');
    }
    return out.toString();
  }
}
