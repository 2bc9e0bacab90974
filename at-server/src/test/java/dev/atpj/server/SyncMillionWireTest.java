package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.server.ops.OpsConfig;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoreConfig;
import dev.atpj.store.StoredValue;
import dev.atpj.store.SyncPolicy;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that was offline through a million changes pages through them over the wire
 * (docs/protocol.md A6, B12). The changes are written straight into a throwaway store (unsynced)
 * before the server starts: {@value #KEYS} keys rewritten round-robin, so all but the last {@value
 * #KEYS} entries are superseded and the first page has to look past almost a million of them (they
 * hold a one-byte value, the latest ones 200 bytes). Memory stays bounded by construction: the
 * store examines at most its page-scan limit per call, the server holds one page, and every reply
 * is checked against the page limit and the byte budget. The count is {@code -Datpj.syncEntries}
 * (default 1,000,000).
 */
@ExtendWith(SharedTestPki.class)
class SyncMillionWireTest {
  private static final int KEYS = 10_000;
  private static final int PAGE_LIMIT = 100;
  private static final long BYTE_BUDGET = 16 * 1024;
  private static final String VALUE = "v".repeat(200);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void pagesThroughAMillionChangesWithBoundedPages(TestPki pki) throws Exception {
    int entries = Integer.getInteger("atpj.syncEntries", 1_000_000);
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServerConfig.Builder config =
          fixture.config("@offline").ops(OpsConfig.DEFAULT.withSync(PAGE_LIMIT, BYTE_BUDGET));
      fill(fixture, config.build().storageDir(), entries);
      AtServer server = fixture.start("@offline", b -> config);
      Set<String> seen = new HashSet<>();
      long cursor = -1;
      long last = -1;
      int pages = 0;
      // The first page looks past ~990,000 superseded entries; allow it time on a busy machine.
      try (WireClient client =
          WireClient.connect(
              AtServerFixture.HOST, server.port(), pki.clientContext(), Duration.ofSeconds(60))) {
        client.readPrompt();
        Wire.cram(client, "@offline");
        while (true) {
          String reply = client.command("sync:from:" + cursor + ":limit:1000");
          byte[] bytes = reply.substring("data:".length()).getBytes(StandardCharsets.UTF_8);
          JsonNode page = JSON.readTree(bytes);
          if (page.isEmpty()) {
            break;
          }
          pages++;
          assertThat(page.size()).isLessThanOrEqualTo(PAGE_LIMIT);
          assertThat((long) bytes.length).isLessThanOrEqualTo(BYTE_BUDGET);
          for (JsonNode entry : page) {
            long id = entry.get("commitId").asLong();
            assertThat(id).isGreaterThan(last);
            last = id;
            assertThat(seen.add(entry.get("atKey").asText())).isTrue();
          }
          cursor = last;
        }
      }
      assertThat(seen).hasSize(Math.min(entries, KEYS) + 2); // + the signing key pair
      assertThat(last).isEqualTo(entries + 1L);
      assertThat(pages).isGreaterThan(seen.size() / PAGE_LIMIT);
    }
  }

  private static void fill(AtServerFixture fixture, Path dir, int entries) {
    StoreConfig fast = StoreConfig.DEFAULT.withSyncPolicy(SyncPolicy.NONE);
    try (AtStore store = fixture.environment().stores().open(dir, fast, fixture.clock())) {
      for (int start = 0; start < entries; start += 1000) {
        List<Mutation> batch = new ArrayList<>(1000);
        for (int i = start; i < Math.min(entries, start + 1000); i++) {
          batch.add(
              new Mutation.Put(
                  "key" + (i % KEYS) + "@offline",
                  StoredValue.of(i >= entries - KEYS ? VALUE : "x"),
                  CommitOp.UPDATE));
        }
        store.apply(batch).join();
      }
    }
  }
}
