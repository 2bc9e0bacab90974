package dev.atpj.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.HostPort;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.core.DirectoryClientConfig;
import dev.atpj.server.notify.NotificationConfig;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.store.SyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: types, defaults, precedence (command line > environment > file). */
class ServerSettingsTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, text);
    return file;
  }

  private static final String REQUIRED =
      "atSign=@alice\nstorageDir=/tmp/alice\ntls.certificate=/tmp/c.pem\ntls.privateKey=/tmp/k.pem\n";

  @Test
  void defaultsComeFromTheConfigRecords() throws Exception {
    AtServerConfig config = ServerSettings.resolve(file(REQUIRED), Map.of(), Map.of()).toConfig();
    AtServerConfig defaults =
        AtServerConfig.builder(config.atSign(), config.storageDir(), config.tls()).build();
    assertThat(config).isEqualTo(defaults);
    assertThat(config.ops()).isEqualTo(OpsConfig.DEFAULT);
    assertThat(config.tls().trustedCa()).isNull();
    assertThat(config.cramSecret()).isNull();
  }

  @Test
  void notificationSettingsReachTheNotificationConfig() throws Exception {
    Path file = file(REQUIRED + "notify.autoNotify=false\nnotify.ttln=5m\n");
    Map<String, String> env = Map.of("ATPJ_NOTIFY_RETRY_MAX_DELAY", "2s");
    AtServerConfig config =
        ServerSettings.resolve(file, env, Map.of("notify.statsInterval", "0s")).toConfig();
    NotificationConfig n = config.notifications();
    assertThat(n.autoNotify()).isFalse();
    assertThat(n.defaultTtln()).isEqualTo(Duration.ofMinutes(5));
    assertThat(n.retryMaxDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(n.statsInterval()).isZero();
    assertThat(n.pushBeforeDurable()).isEqualTo(NotificationConfig.DEFAULT.pushBeforeDurable());
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFile() throws Exception {
    Path file =
        file(
            REQUIRED
                + "port=7000\nsync.pageLimit=10\nstats.topN=3\ncompaction.commitLog.maxAge=2d\n");
    Map<String, String> env =
        Map.of(
            "ATPJ_PORT", "7001",
            "ATPJ_SYNC_PAGE_LIMIT", "20",
            "ATPJ_STORE_SYNC_POLICY", "none",
            "HOME", "/ignored",
            "ATPJ_UNRELATED", "ignored");
    Map<String, String> cli = Map.of("port", "7002", "tls.checkInterval", "500ms");
    ServerSettings settings = ServerSettings.resolve(file, env, cli);
    AtServerConfig config = settings.toConfig();
    assertThat(config.port()).isEqualTo(7002);
    assertThat(config.ops().syncPageLimit()).isEqualTo(20);
    assertThat(config.ops().statsTopN()).isEqualTo(3);
    assertThat(config.ops().commitLog().maxAge()).isEqualTo(Duration.ofDays(2));
    assertThat(config.ops().certificateCheckInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.storeConfig().syncPolicy()).isEqualTo(SyncPolicy.NONE);
    assertThat(settings.metricsEnabled()).isFalse();
    assertThat(settings.metricsPort()).isEqualTo(9464);
  }

  @Test
  void mistakesAreReportedByName() throws Exception {
    assertThatThrownBy(
            () -> ServerSettings.resolve(file(REQUIRED + "prot=1\n"), Map.of(), Map.of()))
        .hasMessageContaining("unknown setting prot");
    assertThatThrownBy(
            () -> ServerSettings.resolve(file(REQUIRED), Map.of("ATPJ_PORT", "x"), Map.of()))
        .hasMessageContaining("bad value for port in ATPJ_PORT");
    assertThatThrownBy(
            () ->
                ServerSettings.resolve(
                    file(REQUIRED), Map.of(), Map.of("compaction.accessLog.interval", "soon")))
        .hasMessageContaining("compaction.accessLog.interval");
    assertThatThrownBy(() -> ServerSettings.resolve(null, Map.of(), Map.of()))
        .hasMessageContaining("missing setting atSign");
    assertThatThrownBy(
            () ->
                ServerSettings.resolve(file(REQUIRED + "port=70000\n"), Map.of(), Map.of())
                    .toConfig())
        .hasMessageContaining("port");
  }

  @Test
  void sourcesSecretFileAndDirectory() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "s3cret\nignored\n");
    ServerSettings settings =
        ServerSettings.resolve(
            file(REQUIRED + "port=7000\ndirectory=127.0.0.1:46464\n"),
            Map.of("ATPJ_CRAM_SECRET_FILE", secret.toString(), "ATPJ_STATS_TOP_N", "2"),
            Map.of("stats.topN", "3"));
    assertThat(settings.source("port")).isEqualTo(ServerSettings.Source.FILE);
    assertThat(settings.source("cramSecretFile")).isEqualTo(ServerSettings.Source.ENVIRONMENT);
    assertThat(settings.source("stats.topN")).isEqualTo(ServerSettings.Source.COMMAND_LINE);
    assertThat(settings.source("bindHost")).isEqualTo(ServerSettings.Source.DEFAULT);
    AtServerConfig config = settings.toConfig();
    assertThat(config.cramSecret()).isEqualTo("s3cret");
    assertThat(config.peers().directory())
        .isEqualTo(DirectoryClientConfig.defaults(new HostPort("127.0.0.1", 46464)));
    assertThat(ServerSettings.resolve(file(REQUIRED), Map.of(), Map.of()).toConfig().peers())
        .isEqualTo(dev.atpj.server.peer.PeerConfig.DEFAULT);
    assertThatThrownBy(
            () ->
                ServerSettings.resolve(
                        file(REQUIRED + "cramSecret=x\n"),
                        Map.of(),
                        Map.of("cramSecretFile", secret.toString()))
                    .toConfig())
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                ServerSettings.resolve(file(REQUIRED + "directory=nowhere\n"), Map.of(), Map.of())
                    .toConfig())
        .hasMessageContaining("bad value for directory");
  }

  @Test
  void directoryKeepAliveSettingsReachTheDirectoryClientConfig() throws Exception {
    Path file = file(REQUIRED + "directory=127.0.0.1:46464\ndirectory.keepAlive=5m\n");
    DirectoryClientConfig fromFileAndEnv =
        ServerSettings.resolve(file, Map.of("ATPJ_DIRECTORY_CONNECT_AT_START", "false"), Map.of())
            .toConfig()
            .peers()
            .directory();
    assertThat(fromFileAndEnv.keepAlive()).isEqualTo(Duration.ofMinutes(5));
    assertThat(fromFileAndEnv.connectAtStart()).isFalse();
    DirectoryClientConfig perLookup =
        ServerSettings.resolve(file, Map.of(), Map.of("directory.keepAlive", "0s"))
            .toConfig()
            .peers()
            .directory();
    assertThat(perLookup.keepAlive()).isZero();
    assertThat(perLookup.connectAtStart()).isTrue();
    assertThat(ServerSettings.describe())
        .contains("\n#directory.keepAlive=1m\n")
        .contains("\n#directory.connectAtStart=true\n");
  }

  @Test
  void everyOptionIsNamedOnceAndDescribed() {
    var names = new HashSet<String>();
    for (Setting s : ServerSettings.SETTINGS) {
      assertThat(names.add(s.name())).as(s.name()).isTrue();
      assertThat(s.environmentName()).matches("ATPJ_[A-Z0-9_]+");
    }
    assertThat(
            new Setting("compaction.commitLog.maxAge", SettingType.DURATION, "7d", "x")
                .environmentName())
        .isEqualTo("ATPJ_COMPACTION_COMMIT_LOG_MAX_AGE");
    String described = ServerSettings.describe();
    assertThat(described).contains("\natSign=\n").contains("\n#sync.pageLimit=100\n");
    assertThat(SettingType.duration("PT1M")).isEqualTo(Duration.ofMinutes(1));
    assertThat(SettingType.format(Duration.ofDays(15))).isEqualTo("15d");
  }
}
