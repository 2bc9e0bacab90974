package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.pki.ServerCredentials;
import dev.atpj.server.crash.CrashServerMain;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an atServer running in a child JVM with SIGKILL while a client pipelines updates over TLS,
 * then checks that every acknowledged {@code data:<commitId>} survived: the store is opened
 * directly to check the commit log (gap-free, each acknowledged id holds its key, keystore and log
 * agree), then the server is restarted on the same folder and every key of the round is read back
 * with {@code llookup}; the restarted server is the next round's victim. The number of rounds is
 * the system property {@code atpj.crashRounds} (default 20).
 */
@ExtendWith(SharedTestPki.class)
class ServerCrashTest {
  private static final String AT_SIGN = "@crash";
  private static final String HOST = AtServerFixture.HOST;
  private static final int PIPELINE = 8;

  /** One acknowledged update. */
  private record Ack(String key, String value, long commitId) {}

  @TempDir Path dir;

  @Test
  void acknowledgedUpdatesSurviveSigkill(TestPki pki) throws Exception {
    int rounds = Integer.getInteger("atpj.crashRounds", 20);
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    ServerCredentials credentials = pki.serverCredentials(HOST);
    List<Ack> all = new ArrayList<>();
    List<Ack> previous = List.of();
    String signingKey = null;
    long started = System.nanoTime();
    Process child = startChild(credentials);
    try {
      for (int round = 0; round <= rounds; round++) {
        String what = "round " + round + " (seed " + seed + ")";
        int port = portOf(child);
        try (WireClient client = pki.connect(HOST, port)) {
          client.readPrompt();
          Wire.cram(client, AT_SIGN);
          for (Ack ack : previous) {
            assertThat(client.command("llookup:" + ack.key()))
                .as(what)
                .isEqualTo("data:" + ack.value());
          }
          String key = client.command("lookup:signing_publickey" + AT_SIGN);
          signingKey = signingKey == null ? key : signingKey;
          assertThat(key).as(what + ": the signing key is generated once").isEqualTo(signingKey);
        }
        if (round == rounds) {
          break;
        }
        previous = writeUntilKilled(pki, port, child, round, 20 + random.nextInt(400));
        all.addAll(previous);
        verifyStore(all, what);
        child = startChild(credentials);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    System.out.printf(
        "%d rounds, %d acknowledged updates, %d ms%n",
        rounds, all.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    assertThat(all).isNotEmpty();
  }

  private List<Ack> writeUntilKilled(TestPki pki, int port, Process child, int round, int delay)
      throws Exception {
    List<Ack> acks = new ArrayList<>();
    ArrayDeque<String[]> pending = new ArrayDeque<>();
    try (WireClient client = pki.connect(HOST, port)) {
      client.readPrompt();
      Wire.cram(client, AT_SIGN);
      CompletableFuture.runAsync(
          child::destroyForcibly, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
      int sent = 0;
      try {
        while (true) {
          while (pending.size() < PIPELINE) {
            String key = "r" + round + "_" + sent + AT_SIGN;
            String value = "value " + round + "/" + sent++;
            client.send("update:" + key + " " + value);
            pending.add(new String[] {key, value});
          }
          String reply = client.readLine();
          String[] update = pending.poll();
          if (!reply.matches("data:\\d+")) {
            throw new IllegalStateException("unexpected reply " + reply + " to " + update[0]);
          }
          acks.add(new Ack(update[0], update[1], Long.parseLong(reply.substring(5))));
        }
      } catch (UncheckedIOException | AssertionError killed) {
        // the server died: what was acknowledged so far must have survived
      }
    }
    child.waitFor();
    return acks;
  }

  private void verifyStore(List<Ack> acks, String what) {
    try (StoreEnvironment env = new StoreEnvironment();
        AtStore store = env.open(storage(), StoreConfig.DEFAULT, Clock.systemUTC())) {
      List<CommitEntry> log = store.commitLog().entriesSince(-1, Integer.MAX_VALUE);
      for (int i = 0; i < log.size(); i++) {
        assertThat(log.get(i).commitId()).as(what + ": gap-free log").isEqualTo(i);
      }
      assertThat(store.lastCommitId()).as(what).isEqualTo(log.size() - 1);
      for (Ack ack : acks) {
        assertThat(ack.commitId()).as(what + " " + ack).isLessThan(log.size());
        CommitEntry entry = log.get((int) ack.commitId());
        assertThat(entry.key()).as(what + " " + ack).isEqualTo(ack.key());
        assertThat(entry.op()).as(what + " " + ack).isEqualTo(CommitOp.UPDATE);
        assertThat(store.get(ack.key()).map(StoredValue::value))
            .as(what + " " + ack)
            .isEqualTo(Optional.of(ack.value()));
      }
      Map<String, CommitEntry> latest = new HashMap<>();
      log.forEach(e -> latest.put(e.key(), e));
      for (CommitEntry e : latest.values()) {
        assertThat(store.commitLog().latestCommitId(e.key())).as(what).hasValue(e.commitId());
        assertThat(store.exists(e.key())).as(what + " " + e).isEqualTo(e.op() != CommitOp.DELETE);
      }
    }
  }

  private Path storage() {
    return dir.resolve("store");
  }

  private Process startChild(ServerCredentials credentials) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashServerMain.class.getName(),
            AT_SIGN,
            storage().toString(),
            credentials.certFile().toString(),
            credentials.keyFile().toString(),
            credentials.caFile().toString(),
            AtServerFixture.secretOf(AT_SIGN))
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.txt").toFile()))
        .start();
  }

  private int portOf(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(out));
    String text = line.get(60, TimeUnit.SECONDS);
    assertThat(text)
        .as("child output; see %s", dir.resolve("child-stderr.txt"))
        .startsWith("PORT ");
    return Integer.parseInt(text.substring(5).trim());
  }

  private static String readLine(BufferedReader in) {
    try {
      String line = in.readLine();
      return line == null ? "" : line;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
