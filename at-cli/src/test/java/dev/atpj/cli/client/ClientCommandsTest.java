package dev.atpj.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands against a private platform run by {@code atp up} in this JVM (@alice and
 *
 * @bob, ports 0): put/get/delete/scan for public, self and shared data, errors as one line with an
 *     exit code, explicit {@code --root/--keys/--ca}, keys show/export, sync with a replica, raw
 *     and repl shells, and notify/monitor.
 */
class ClientCommandsTest {
  @TempDir static Path home;
  private static CliRunner platform;
  private static Running up;
  private static JsonNode platformJson;

  @BeforeAll
  static void start() throws Exception {
    platform = new CliRunner(home);
    up =
        platform.start(
            "up",
            "--home",
            home.toString(),
            "--atsigns",
            "@alice,@bob",
            "--directory-port",
            "0",
            "--base-port",
            "0");
    up.awaitLine("ready", Duration.ofSeconds(120));
    platformJson = new ObjectMapper().readTree(home.resolve("platform.json").toFile());
  }

  @AfterAll
  static void stop() {
    platform.stops().stop();
    assertThat(up.finish().exitCode()).isZero();
  }

  /** Runs a client command with the platform's home as $ATPJ_HOME. */
  private static Result atp(String... args) {
    return new CliRunner(home).variable("ATPJ_HOME", home.toString()).run(args);
  }

  private static void assertOk(Result r) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
  }

  @Test
  void aliceSharesAValueWithBobWhoReadsIt() {
    Result put = atp("put", "--as", "@alice", "--shared-with", "@bob", "phone", "+1 555 0100");
    assertOk(put);
    assertThat(put.out()).startsWith("@bob:phone@alice (commit ");
    Result get = atp("get", "--as", "@bob", "phone@alice");
    assertOk(get);
    assertThat(get.out()).isEqualTo("+1 555 0100\n");
    assertThat(atp("get", "--as", "@alice", "--shared-with", "@bob", "phone").out())
        .isEqualTo("+1 555 0100\n");
    Result raw = atp("raw", "--as", "@alice", "--script", script("llookup:@bob:phone@alice"));
    assertOk(raw);
    assertThat(raw.out()).startsWith("data:").doesNotContain("555");
  }

  @Test
  void publicAndSelfValuesWithMetadata() throws Exception {
    assertOk(atp("put", "--as", "@alice", "--public", "--ttr", "1h", "location", "NYC"));
    Result get = atp("get", "--as", "@bob", "public:location@alice", "--meta");
    assertOk(get);
    List<String> lines = get.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("NYC");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("ttr").asLong()).isEqualTo(3_600_000);
    assertOk(atp("put", "--as", "@alice", "diary", "dear diary"));
    Result json = atp("get", "--as", "@alice", "diary", "--json");
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("value").asText()).isEqualTo("dear diary");
    assertThat(node.get("signature").asText()).isEqualTo("valid");
    assertThat(node.get("key").asText()).isEqualTo("diary@alice");
    Result scan = atp("scan", "--as", "@alice", "diary|location");
    assertThat(scan.out().lines()).contains("diary@alice", "public:location@alice");
  }

  @Test
  void errorsAreOneLineWithAnExitCode() {
    assertOk(atp("put", "--as", "@alice", "--shared-with", "@bob", "gone", "soon"));
    assertOk(atp("delete", "--as", "@alice", "--shared-with", "@bob", "gone"));
    Result missing = atp("get", "--as", "@bob", "gone@alice", "--fresh");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.PROTOCOL_ERROR);
    assertThat(missing.err()).startsWith("atp: AT0015 key not found").hasLineCount(1);
    Result which = atp("get", "phone");
    assertThat(which.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(which.err()).isEqualTo("atp: which atSign? add --as, one of @alice, @bob\n");
    Result noPlatform = atp("get", "--as", "@alice", "--platform", "/nonexistent.json", "x");
    assertThat(noPlatform.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(noPlatform.err()).startsWith("atp: no /nonexistent.json: ").hasLineCount(1);
    Result badKey = atp("get", "--as", "@alice", "bad key");
    assertThat(badKey.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badKey.err())
        .startsWith("atp: 'bad key' is not a valid key")
        .endsWith("; see atp get --help\n")
        .hasLineCount(1);
    Result unknown = atp("put", "--as", "@alice", "--shared-with", "@nobody", "k", "v");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.PROTOCOL_ERROR);
    assertThat(unknown.err()).contains("@nobody").hasLineCount(1);
    for (List<String> notify :
        List.of(
            List.of("--text", "hello?"),
            List.of("--delete", "k"),
            List.of("k"),
            List.of("k", "v"))) {
      List<String> args = new java.util.ArrayList<>(List.of("notify", "--as", "@alice"));
      args.addAll(List.of("--to", "@nobody"));
      args.addAll(notify);
      Result nobody = atp(args.toArray(String[]::new));
      assertThat(nobody.exitCode()).as("%s: %s", args, nobody.err()).isEqualTo(4);
      assertThat(nobody.err()).contains("@nobody").hasLineCount(1);
    }
  }

  @Test
  void explicitRootKeysAndCaWorkWithoutPlatformJson() {
    String root =
        platformJson.at("/directory/host").asText()
            + ":"
            + platformJson.at("/directory/port").asInt();
    String keys = platformJson.at("/atSigns/@bob/keysFile").asText();
    String ca = platformJson.get("caFile").asText();
    Result put =
        new CliRunner(home.resolve("nowhere"))
            .run("put", "--root", root, "--keys", keys, "--ca", ca, "explicit", "by --root");
    assertOk(put);
    assertThat(put.out()).startsWith("explicit@bob ");
    Result withoutCa =
        new CliRunner(home.resolve("nowhere"))
            .run("get", "--root", root, "--keys", keys, "explicit");
    assertThat(withoutCa.exitCode()).isEqualTo(ExitCodes.PROTOCOL_ERROR);
    assertThat(withoutCa.err()).startsWith("atp: AT0021").hasLineCount(1);
  }

  @Test
  void keysShowAndExport(@TempDir Path dir) throws Exception {
    Result show = atp("keys", "show", "--as", "@alice");
    assertOk(show);
    assertThat(show.out())
        .contains("@alice", "PKAM public key", "SHA-256 ")
        .doesNotContain("PRIVATE");
    Path exported = dir.resolve("@alice_key.atKeys");
    assertOk(atp("keys", "export", "--as", "@alice", "--out", exported.toString()));
    AtKeysFile files = new AtKeysFile(new AtCrypto());
    assertThat(files.read(exported))
        .isEqualTo(files.read(Path.of(platformJson.at("/atSigns/@alice/keysFile").asText())));
    Result pem = atp("keys", "export", "--as", "@alice", "--format", "pem");
    assertThat(pem.out()).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void aReplicaTakesOfflineChangesAndSyncReportsConflicts(@TempDir Path dir) {
    String replica = dir.resolve("replica").toString();
    assertOk(atp("sync", "--as", "@bob", "--replica", replica));
    assertOk(atp("put", "--as", "@bob", "--replica", replica, "note", "offline note"));
    assertThat(atp("get", "--as", "@bob", "note").exitCode()).isEqualTo(ExitCodes.PROTOCOL_ERROR);
    assertOk(atp("put", "--as", "@bob", "--replica", replica, "todo", "local todo"));
    assertOk(atp("put", "--as", "@bob", "todo", "server todo"));
    Result sync = atp("sync", "--as", "@bob", "--replica", replica);
    assertOk(sync);
    assertThat(sync.out())
        .contains("pushed 1, 1 conflict")
        .contains(
            "conflict todo@bob: local 'local todo' | atServer 'server todo' -> kept the atServer"
                + " version");
    assertThat(atp("get", "--as", "@bob", "note").out()).isEqualTo("offline note\n");
    assertThat(atp("get", "--as", "@bob", "--replica", replica, "todo").out())
        .isEqualTo("server todo\n");
  }

  @Test
  void theShellsTalkToTheAtServer() {
    Result raw =
        atp("raw", "--as", "@bob", "--script", script("scan", "bogus", "@exit", "never sent"));
    assertOk(raw);
    List<String> lines = raw.out().lines().toList();
    assertThat(lines.get(0)).startsWith("data:[").contains("public:publickey@bob");
    assertThat(lines.get(1)).startsWith("error:AT0003");
    assertThat(lines).hasSize(2);
    Result cram =
        atp("raw", "--as", "@bob", "--cram", "--script", script("llookup:public:publickey@bob"));
    assertThat(cram.out()).startsWith("data:MIIB");
    Result repl =
        atp(
            "repl",
            "--as",
            "@alice",
            "--script",
            script(
                "/put @bob:greeting hello bob", "/get @bob:greeting", "noop:0", "/nope", "/quit"));
    assertOk(repl);
    assertThat(repl.out())
        .contains("  => stored @bob:greeting@alice")
        .contains("  => hello bob")
        .contains("  => data:ok")
        .contains("  *** unknown command /nope");
    assertThat(atp("get", "--as", "@bob", "greeting@alice").out()).isEqualTo("hello bob\n");
  }

  @Test
  void bobsMonitorSeesAlicesUpdate() throws Exception {
    CliRunner bob = new CliRunner(home).variable("ATPJ_HOME", home.toString());
    Running monitor = bob.start("monitor", "--as", "@bob", "--count", "1", "\\.tour@alice");
    Await.until(
        () -> monitor.err().contains("monitoring @bob"), Duration.ofSeconds(60), "monitoring");
    assertOk(atp("put", "--as", "@alice", "--shared-with", "@bob", "phone.tour", "+1 555 0199"));
    Result seen = monitor.finish();
    assertThat(seen.exitCode()).isZero();
    assertThat(seen.out()).contains("update  @bob:phone.tour@alice  from @alice: +1 555 0199");
  }

  private static String script(String... lines) {
    try {
      Path file = Files.createTempFile(home, "script", ".txt");
      Files.writeString(file, String.join("\n", lines) + "\n");
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
