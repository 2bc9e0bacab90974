package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.metrics.NotificationCounts;
import dev.atpj.server.ops.LogCompaction;
import dev.atpj.server.ops.LogCompactor;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.store.LogRecord;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} with every id (docs/protocol.md B13, whitepaper "stats"), fed by the access log,
 * the metrics hooks and the compaction jobs; compaction of the three logs by age and size, by hand
 * and on its schedule.
 */
@ExtendWith(SharedTestPki.class)
class StatsWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer server;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    LogCompaction manual = new LogCompaction(Duration.ZERO, DAY, 1000);
    LogCompaction scheduled = new LogCompaction(Duration.ofMillis(20), DAY, 1000);
    server =
        fixture.start(
            "@stats", b -> b.ops(OpsConfig.DEFAULT.withCompaction(manual, manual, scheduled)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** The stats reply as JSON: checks the {@code data: } form and returns the array. */
  private static JsonNode stats(WireClient client, String command) throws Exception {
    String reply = client.command(command);
    assertThat(reply).startsWith("data: [{\"id\":");
    return JSON.readTree(reply.substring("data: ".length()));
  }

  private static JsonNode value(WireClient client, int id) throws Exception {
    JsonNode stat = stats(client, "stats:" + id).get(0);
    assertThat(stat.get("id").asText()).isEqualTo(Integer.toString(id));
    return stat.get("value");
  }

  @Test
  void bareStatsListsAllFifteenInOrderAsADartList() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      String reply = client.command("stats");
      assertThat(reply).startsWith("data: [{\"id\":\"1\",\"name\":\"activeInboundConnections\"");
      assertThat(reply).contains("}, {\"id\":\"2\",\"name\":\"activeOutboundConnections\"");
      JsonNode all = JSON.readTree(reply.substring("data: ".length()));
      assertThat(all).hasSize(15);
      String[] names = {
        "activeInboundConnections",
        "activeOutboundConnections",
        "lastCommitID",
        "secondaryStorageSize",
        "topAtSigns",
        "topKeys",
        "secondaryServerVersion",
        "LastLoggedInDatetime",
        "diskSize",
        "LastPkam",
        "NotificationCount",
        "CommitLogCompactionStats",
        "AccessLogCompactionStats",
        "NotificationCompactionStats",
        "LatestCommitEntryOfEachKey"
      };
      for (int i = 0; i < 15; i++) {
        assertThat(all.get(i).get("id").asText()).isEqualTo(Integer.toString(i + 1));
        assertThat(all.get(i).get("name").asText()).isEqualTo(names[i]);
      }
      JsonNode some = stats(client, "stats:3,1,3");
      assertThat(some).hasSize(2);
      assertThat(some.get(0).get("name").asText()).isEqualTo("lastCommitID");
      assertThat(client.command("stats:16")).startsWith("error:AT0003-");
      assertThat(client.command("stats:1:x")).startsWith("error:AT0003-");
    }
    try (WireClient anonymous = fixture.connect(server)) {
      assertThat(anonymous.command("stats")).startsWith("error:AT0401-");
    }
  }

  @Test
  void connectionsCommitIdsVersionAndSizes() throws Exception {
    try (WireClient client = Wire.owner(fixture, server);
        WireClient other = fixture.connect(server)) {
      assertThat(Integer.parseInt(value(client, 1).asText())).isGreaterThanOrEqualTo(2);
      assertThat(value(client, 2).asText()).isEqualTo("0");
      long id = Long.parseLong(client.command("update:public:counted@stats 1").substring(5));
      client.command("update:@bob:other@stats 1");
      assertThat(value(client, 3).asText()).isEqualTo(Long.toString(id + 1));
      JsonNode filtered = stats(client, "stats:3:counted").get(0).get("value");
      assertThat(filtered.asText()).isEqualTo(Long.toString(id));
      assertThat(stats(client, "stats:3:nothing-matches").get(0).get("value").asText())
          .isEqualTo("-1");
      assertThat(value(client, 4).isNumber()).isTrue();
      assertThat(value(client, 4).asLong()).isPositive();
      assertThat(value(client, 7).asText()).isEqualTo(ServerVersion.get());
      JsonNode disk = JSON.readTree(value(client, 9).asText());
      assertThat(disk.get("size").asText()).matches("\\d+\\.\\d\\d");
      assertThat(disk.get("units").asText()).isIn("B", "KB", "MB", "GB");
      JsonNode latest =
          JSON.readTree(stats(client, "stats:15:counted").get(0).get("value").asText());
      assertThat(latest.get("public:counted@stats").get(0).asLong()).isEqualTo(id);
      assertThat(latest.get("public:counted@stats").get(1).asText()).isEqualTo("+");
      assertThat(latest.size()).isEqualTo(1);
      JsonNode all = JSON.readTree(value(client, 15).asText());
      assertThat(all.has("public:signing_publickey@stats")).isTrue();
      assertThat(other.command("noop:0")).isEqualTo("data:ok");
    }
  }

  @Test
  void accessLogFeedsTopAtSignsTopKeysAndLogins() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      client.command(
          "update:privatekey:at_pkam_publickey "
              + AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic()));
      assertThat(value(client, 10).asText()).isIn("Not Available", value(client, 10).asText());
      assertThat(Wire.pkam(client, "@stats", Wire.Keys.FIRST.getPrivate()))
          .isEqualTo("data:success");
      client.command("update:public:popular@stats v");
      try (WireClient anonymous = fixture.connect(server)) {
        for (int i = 0; i < 3; i++) {
          assertThat(anonymous.command("lookup:popular@stats")).isEqualTo("data:v");
        }
      }
      server.accessLog().record("pol", "@bob", null);
      server.accessLog().record("pol", "@bob", null);
      server.accessLog().record("pol", "@carol", null);
      Await.until(
          () -> {
            try {
              return value(client, 6).asText().contains("\"popular@stats\":3")
                  && value(client, 5).asText().equals("{\"@bob\":2,\"@carol\":1}");
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          },
          "top keys and atSigns from the access log");
      assertThat(value(client, 8).asText())
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(value(client, 10).asText()).matches("\\d{4}-.*Z");
    }
  }

  @Test
  void notificationCountComesFromTheHook() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      JsonNode before = JSON.readTree(value(client, 11).asText());
      assertThat(before.get("type").get("sent").asLong()).isZero();
      assertThat(before.has("createdOn")).isTrue();
      server
          .metrics()
          .notificationCounts(() -> new NotificationCounts(7, 3, 4, 2, 1, 4, 6, 1, 5, 2));
      JsonNode after = JSON.readTree(value(client, 11).asText());
      assertThat(after.get("total").asLong()).isEqualTo(7);
      assertThat(after.get("status").get("failed").asLong()).isEqualTo(1);
      assertThat(after.get("messageType").get("text").asLong()).isEqualTo(2);
    }
  }

  @Test
  void commitLogCompactionKeepsTheLatestEntryOfEveryKey() throws Exception {
    try (WireClient client = Wire.owner(fixture, server)) {
      for (int i = 0; i < 5; i++) {
        client.command("update:busy@stats v" + i);
      }
      client.command("update:gone@stats x");
      client.command("delete:gone@stats");
      fixture.clock().advance(DAY.plusHours(1));
      client.command("update:busy@stats recent"); // supersedes v4, but is younger than a day
      client.command("update:busy@stats last");
      var stats =
          new LogCompactor(
                  server.atSign(),
                  server.store(),
                  fixture.clock(),
                  server.metrics(),
                  LogCompactor.Kind.COMMIT_LOG,
                  new LogCompaction(Duration.ZERO, DAY, 1_000_000))
              .compact();
      assertThat(stats.removed()).isGreaterThanOrEqualTo(6); // busy v0..v4 and gone's update
      var keys =
          server.store().commitLog().entriesSince(-1, 1000).stream()
              .filter(e -> e.key().equals("busy@stats") || e.key().equals("gone@stats"))
              .map(e -> e.key() + e.op().symbol())
              .toList();
      assertThat(keys).containsExactly("gone@stats-", "busy@stats+", "busy@stats+");
      JsonNode twelve = JSON.readTree(value(client, 12).asText());
      assertThat(twelve.get("atCompactionType").asText()).isEqualTo("AtCommitLog");
      assertThat(twelve.get("deletedKeysCount").asText()).isEqualTo(Long.toString(stats.removed()));
      assertThat(twelve.get("lastCompactionRun").asText()).endsWith("Z");
      new LogCompactor(
              server.atSign(),
              server.store(),
              fixture.clock(),
              server.metrics(),
              LogCompactor.Kind.COMMIT_LOG,
              new LogCompaction(Duration.ZERO, DAY, 1)) // over the size: every superseded entry
          .compact();
      assertThat(
              server.store().commitLog().entriesSince(-1, 1000).stream()
                  .filter(e -> e.key().equals("busy@stats"))
                  .count())
          .isEqualTo(1);
      String sync = client.command("sync:from:-1:limit:0:busy");
      assertThat(sync).contains("\"value\":\"last\"");
    }
  }

  @Test
  void accessLogCompactionByAgeThenSize() throws Exception {
    var log = server.store().accessLog();
    Instant now = fixture.clock().instant();
    for (int i = 0; i < 5; i++) {
      log.put(new LogRecord("old" + i, now.minus(DAY.multipliedBy(2)), "x\n\n".getBytes())).join();
    }
    LogCompactor byAge =
        new LogCompactor(
            server.atSign(),
            server.store(),
            fixture.clock(),
            server.metrics(),
            LogCompactor.Kind.ACCESS_LOG,
            new LogCompaction(Duration.ZERO, DAY, 1_000_000));
    assertThat(byAge.compact().removed()).isGreaterThanOrEqualTo(5);
    assertThat(log.get("old0")).isEmpty();
    for (int i = 0; i < 5; i++) {
      log.put(new LogRecord("new" + i, now.plusMillis(i), "x\n\n".getBytes())).join();
    }
    new LogCompactor(
            server.atSign(),
            server.store(),
            fixture.clock(),
            server.metrics(),
            LogCompactor.Kind.ACCESS_LOG,
            new LogCompaction(Duration.ZERO, DAY, 2))
        .compact();
    assertThat(log.get("new0")).isEmpty(); // the oldest go first (the count is an estimate)
    try (WireClient client = Wire.owner(fixture, server)) {
      JsonNode thirteen = JSON.readTree(value(client, 13).asText());
      assertThat(thirteen.get("atCompactionType").asText()).isEqualTo("AtAccessLog");
    }
  }

  @Test
  void notificationLogIsCompactedOnItsSchedule() throws Exception {
    var log = server.store().notifications();
    Instant old = fixture.clock().instant().minus(DAY.multipliedBy(3));
    log.put(new LogRecord("stale", old, new byte[] {1})).join();
    Await.until(() -> log.get("stale").isEmpty(), "the scheduled notification compaction");
    try (WireClient client = Wire.owner(fixture, server)) {
      Await.until(
          () -> {
            try {
              return value(client, 14).asText().contains("AtNotificationKeystore");
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          },
          "notification compaction statistics");
    }
  }
}
