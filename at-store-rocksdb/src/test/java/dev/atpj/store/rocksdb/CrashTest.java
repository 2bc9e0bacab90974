package dev.atpj.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at a random moment, then checks that every acknowledged
 * write survived and that the commit log and the keystore agree. Five rounds on one folder, so
 * recovery after recovery is exercised too.
 */
class CrashTest {
  private static final int ROUNDS = 5;
  private static final int ACKS_BEFORE_KILL = 200;

  /** One acknowledged write, as the child printed it. */
  private record Ack(String key, long commitId, String value, boolean delete) {}

  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    Random random = new Random();
    for (int round = 0; round < ROUNDS; round++) {
      long seed = random.nextLong();
      List<Ack> acks = runAndKill(seed, random.nextInt(300));
      verify(acks, "round " + round + " seed " + seed);
    }
  }

  private List<Ack> runAndKill(long seed, int delayMillis) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(),
                dir.resolve("store").toString(),
                Long.toString(seed))
            .redirectError(dir.resolve("child-stderr.txt").toFile())
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL + 1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                  enough.countDown();
                }
              } catch (Exception e) {
                // The pipe breaks when the child dies.
              }
            });
    reader.start();
    try {
      assertThat(enough.await(120, TimeUnit.SECONDS))
          .as("child acknowledged writes; see %s", dir.resolve("child-stderr.txt"))
          .isTrue();
      Thread.sleep(delayMillis);
    } finally {
      child.destroyForcibly();
      child.waitFor();
      reader.join();
    }
    List<Ack> acks = new ArrayList<>();
    for (String line : lines) {
      String[] t = line.split(" ");
      if (t.length == 5 && t[4].equals("$")) { // skip READY and a line cut by the kill
        acks.add(new Ack(t[1], Long.parseLong(t[2]), t[3], t[0].equals("D")));
      }
    }
    return acks;
  }

  private void verify(List<Ack> acks, String round) {
    try (StoreEnvironment env = new StoreEnvironment();
        AtStore store = env.open(dir.resolve("store"), StoreConfig.DEFAULT, Clock.systemUTC())) {
      List<CommitEntry> log = store.commitLog().entriesSince(-1, Integer.MAX_VALUE);
      long last = store.lastCommitId();
      // Gap-free, strictly increasing, ending at lastCommitId.
      for (int i = 0; i < log.size(); i++) {
        assertThat(log.get(i).commitId()).as(round).isEqualTo(i);
      }
      assertThat(last).as(round).isEqualTo(log.size() - 1);
      Map<String, CommitEntry> latest = new HashMap<>();
      log.forEach(e -> latest.put(e.key(), e));
      long maxAcked = acks.stream().mapToLong(Ack::commitId).max().orElse(-1);
      System.out.printf(
          "%s: %d acks, max acked id %d, last commit id %d%n", round, acks.size(), maxAcked, last);
      // Every acknowledged write is in the log under its id.
      Map<String, Ack> lastAck = new HashMap<>();
      for (Ack a : acks) {
        assertThat(a.commitId()).as(round).isLessThanOrEqualTo(last);
        CommitEntry e = log.get((int) a.commitId());
        assertThat(e.key()).as(round).isEqualTo(a.key());
        assertThat(e.op()).as(round).isEqualTo(a.delete() ? CommitOp.DELETE : CommitOp.UPDATE);
        lastAck.merge(a.key(), a, (x, y) -> x.commitId() > y.commitId() ? x : y);
      }
      // The last acknowledged state of a key is there unless a later commit replaced it.
      for (Ack a : lastAck.values()) {
        if (latest.get(a.key()).commitId() == a.commitId()) {
          assertThat(store.get(a.key()).map(StoredValue::value))
              .as(round + " " + a)
              .isEqualTo(
                  a.delete() ? java.util.Optional.empty() : java.util.Optional.of(a.value()));
        }
      }
      // The keystore agrees with each key's latest entry.
      for (CommitEntry e : latest.values()) {
        assertThat(store.commitLog().latestCommitId(e.key())).as(round).hasValue(e.commitId());
        assertThat(store.exists(e.key())).as(round + " " + e).isEqualTo(e.op() != CommitOp.DELETE);
      }
    }
  }
}
