package dev.atpj.server;

import static dev.atpj.server.NotifyWire.monitor;
import static dev.atpj.server.NotifyWire.next;
import static dev.atpj.server.NotifyWire.untilHeartbeat;
import static dev.atpj.server.NotifyWire.withoutStats;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.crash.NotifyingServerMain;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender's atServer (a child JVM) acknowledges notifications while the recipient is down, is
 * killed with SIGKILL, and is started again on the same storage once the recipient is back: every
 * acknowledged notification is delivered, exactly once on the recipient's monitor.
 */
@ExtendWith(SharedTestPki.class)
class NotifySenderCrashTest {
  private static final int COUNT = 50;

  @TempDir Path data;
  private Process child;

  @Test
  void acknowledgedNotificationsSurviveSigkillOfTheSender(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data.resolve("servers"))) {
      fixture.start("@bob");
      fixture.stop("@bob");
      String aliceHost = fixture.hostOf("@alice");
      Path aliceStorage = data.resolve("alice");
      int port = startAlice(pki, fixture, aliceHost, aliceStorage);
      try {
        Set<String> acknowledged = new LinkedHashSet<>();
        try (WireClient owner = aliceOwner(pki, aliceHost, port)) {
          for (int i = 0; i < COUNT; i++) {
            owner.send("notify:@bob:n" + i + ".crash@alice:v" + i);
          }
          for (int i = 0; i < COUNT; i++) {
            String reply = owner.readReply();
            assertThat(reply).startsWith("data:");
            acknowledged.add(reply.substring(5));
          }
        }
        child.destroyForcibly();
        child.waitFor();

        AtServer bob = fixture.resume("@bob");
        try (WireClient monitor = monitor(fixture, bob, "monitor:strict:0 \\.crash@")) {
          port = startAlice(pki, fixture, aliceHost, aliceStorage);
          Set<String> arrived = new HashSet<>();
          for (JsonNode n : next(monitor, COUNT)) {
            assertThat(arrived.add(n.get("id").asText())).as("each once").isTrue();
          }
          assertThat(arrived).isEqualTo(acknowledged);
          try (WireClient owner = aliceOwner(pki, aliceHost, port)) {
            for (String id : acknowledged) {
              Await.until(
                  () -> owner.command("notify:status:" + id).equals("data:delivered"),
                  Duration.ofSeconds(30),
                  "the restarted sender records " + id + " as delivered");
            }
          }
          assertThat(withoutStats(untilHeartbeat(monitor))).as("nothing twice").isEmpty();
        }
      } finally {
        if (child != null) {
          child.destroyForcibly();
          child.waitFor();
        }
      }
    }
  }

  private WireClient aliceOwner(TestPki pki, String host, int port) {
    WireClient client = pki.connect(host, port);
    client.readPrompt();
    Wire.cram(client, "@alice");
    return client;
  }

  /** Starts the child, registers it in the directory and returns its port. */
  private int startAlice(TestPki pki, MultiServerFixture fixture, String host, Path storage)
      throws Exception {
    child = launch(pki, fixture, host, storage);
    int port = portOf(child);
    fixture.register("@alice", host, port);
    return port;
  }

  private Process launch(TestPki pki, MultiServerFixture fixture, String host, Path storage)
      throws Exception {
    ServerCredentials credentials = pki.serverCredentials(host);
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            NotifyingServerMain.class.getName(),
            "@alice",
            storage.toString(),
            credentials.certFile().toString(),
            credentials.keyFile().toString(),
            credentials.caFile().toString(),
            AtServerFixture.secretOf("@alice"),
            host,
            MultiServerFixture.DIRECTORY_HOST,
            Integer.toString(fixture.directoryPort()))
        .redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("alice-stderr.txt").toFile()))
        .start();
  }

  private int portOf(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String text =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    // the child logs to the same stream: its first delivery attempts may come
                    // before the port
                    String line = out.readLine();
                    while (line != null && !line.startsWith("PORT ")) {
                      line = out.readLine();
                    }
                    return line == null ? "" : line;
                  } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .get(60, TimeUnit.SECONDS);
    assertThat(text)
        .as("child output; see %s", data.resolve("alice-stderr.txt"))
        .startsWith("PORT ");
    return Integer.parseInt(text.substring(5).trim());
  }
}
