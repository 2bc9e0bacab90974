package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.key.Metadata;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} (docs/protocol.md B10, C8). */
@ExtendWith(SharedTestPki.class)
class ScanWireTest {
  private static final String PKAM_KEY =
      dev.atpj.protocol.crypto.AtCrypto.encodePublicKey(Wire.Keys.FIRST.getPublic());

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer server;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    server = fixture.start("@scanner");
    try (WireClient owner = Wire.owner(fixture, server)) {
      for (String command :
          new String[] {
            "update:public:location.wavi@scanner paris",
            "update:public:_hidden@scanner x",
            "update:public:__shown@scanner x",
            "update:phone@scanner x",
            "update:_secret@scanner x",
            "update:@bob:shared@scanner x",
            "update:@bob:_sharedhidden@scanner x",
            "update:privatekey:at_pkam_publickey " + PKAM_KEY,
            "update:ttb:100000:unborn@scanner x",
            "update:" + "a".repeat(40) + "@scanner x",
          }) {
        assertThat(owner.command(command)).as(command).startsWith("data:");
      }
    }
    Metadata expired = Metadata.builder().expiresAt(Instant.EPOCH).build();
    server
        .store()
        .put("public:expired@scanner", new StoredValue("x", expired), CommitOp.UPDATE)
        .join();
    server
        .store()
        .put("cached:public:email@bob", new StoredValue("x", Metadata.EMPTY), CommitOp.UPDATE)
        .join();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void unauthenticatedSeesPublicKeysWithoutThePrefix() {
    try (WireClient client = fixture.connect(server)) {
      assertThat(client.command("scan"))
          .isEqualTo("data:[\"location.wavi@scanner\",\"signing_publickey@scanner\"]");
      assertThat(client.command("scan:showhidden:true"))
          .isEqualTo("data:[\"location.wavi@scanner\",\"signing_publickey@scanner\"]");
      assertThat(client.command("scan ^public:loc")).isEqualTo("data:[\"location.wavi@scanner\"]");
      assertThat(client.command("scan ^location")).isEqualTo("data:[]");
    }
  }

  @Test
  void ownerSeesEverythingButSecretsAndHiddenKeys() {
    String a40 = "a".repeat(40) + "@scanner";
    try (WireClient client = Wire.owner(fixture, server)) {
      assertThat(client.command("scan"))
          .isEqualTo(
              "data:[\"@bob:_sharedhidden@scanner\",\"@bob:shared@scanner\","
                  + "\"@scanner:signing_privatekey@scanner\","
                  + "\""
                  + a40
                  + "\",\"cached:public:email@bob\",\"phone@scanner\","
                  + "\"public:location.wavi@scanner\",\"public:signing_publickey@scanner\"]");
      assertThat(client.command("scan:showHidden:true"))
          .isEqualTo(
              "data:[\"@bob:_sharedhidden@scanner\",\"@bob:shared@scanner\","
                  + "\"@scanner:signing_privatekey@scanner\","
                  + "\"_secret@scanner\",\""
                  + a40
                  + "\",\"cached:public:email@bob\","
                  + "\"phone@scanner\",\"public:__shown@scanner\","
                  + "\"public:location.wavi@scanner\",\"public:signing_publickey@scanner\"]");
      assertThat(client.command("scan:showhidden:true phone|shared"))
          .isEqualTo(
              "data:[\"@bob:_sharedhidden@scanner\",\"@bob:shared@scanner\",\"phone@scanner\"]");
      assertThat(client.command("scan:showhidden:false phone"))
          .isEqualTo("data:[\"phone@scanner\"]");
      assertThat(client.command("SCAN cached")).isEqualTo("data:[\"cached:public:email@bob\"]");
    }
  }

  @Test
  void badAndCostlyRegexesAreRefused() {
    try (WireClient client = Wire.owner(fixture, server)) {
      assertThat(client.command("scan (")).startsWith("error:AT0022-").contains("invalid regex");
      assertThat(client.command("scan (.*a){25}x"))
          .startsWith("error:AT0022-")
          .contains("too expensive");
      assertThat(client.command("scan " + "x".repeat(2000))).startsWith("error:AT0022-");
      assertThat(client.command("scan phone")).isEqualTo("data:[\"phone@scanner\"]");
    }
  }

  @Test
  void scanningAnotherAtSignNeedsAuthenticationAndAnAtDirectory() {
    try (WireClient client = fixture.connect(server)) {
      assertThat(client.command("scan:@bob")).startsWith("error:AT0401-");
    }
    try (WireClient client = Wire.owner(fixture, server)) {
      assertThat(client.command("scan:@bob"))
          .startsWith("error:AT0007-")
          .contains("no atDirectory configured");
      assertThat(client.command("scan:@scanner phone")).isEqualTo("data:[\"phone@scanner\"]");
    }
  }

  @Test
  void theStoreIsWalkedOffTheEventLoopAndRepliesKeepTheirOrder() throws Exception {
    CountDownLatch started = new CountDownLatch(OpsExecutor.THREADS);
    CountDownLatch release = new CountDownLatch(1);
    try (WireClient scanning = Wire.owner(fixture, server);
        WireClient other = Wire.owner(fixture, server)) {
      for (int i = 0; i < OpsExecutor.THREADS; i++) {
        server
            .opsExecutor()
            .execute(
                () -> {
                  started.countDown();
                  awaitQuietly(release);
                });
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).as("the ops threads are held").isTrue();
      scanning.send("scan phone");
      scanning.send("llookup:phone@scanner");
      CompletableFuture<String> scan = CompletableFuture.supplyAsync(scanning::readReply);
      assertThat(other.command("llookup:phone@scanner"))
          .as("the event loops answer while a scan waits for the ops executor")
          .isEqualTo("data:x");
      assertThat(scan).as("the scan waits for the ops executor").isNotDone();
      release.countDown();
      assertThat(scan.get(10, TimeUnit.SECONDS)).isEqualTo("data:[\"phone@scanner\"]");
      assertThat(scanning.readReply()).isEqualTo("data:x");
    } finally {
      release.countDown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
