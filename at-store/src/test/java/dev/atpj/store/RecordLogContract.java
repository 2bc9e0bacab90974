package dev.atpj.store;

import static dev.atpj.store.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record-log behaviour every store has (notifications, access log). */
public interface RecordLogContract extends StoreFixture {

  private static LogRecord rec(String id, long second) {
    return new LogRecord(id, T0.plusSeconds(second), id.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> idsSince(RecordLog log, Instant from) {
    List<String> ids = new ArrayList<>();
    log.forEachSince(from, r -> ids.add(r.id()));
    return ids;
  }

  @Test
  default void putGetRemove() {
    RecordLog log = store().notifications();
    await(log.put(rec("n1", 1)));
    assertThat(log.get("n1")).contains(rec("n1", 1));
    assertThat(log.get("n2")).isEmpty();
    assertThat(await(log.remove("n1"))).isTrue();
    assertThat(await(log.remove("n1"))).isFalse();
    assertThat(log.get("n1")).isEmpty();
    assertThat(idsSince(log, Instant.EPOCH)).isEmpty();
  }

  @Test
  default void iteratesByTimeFromAGivenTimeAndReplacesById() {
    RecordLog log = store().notifications();
    await(log.put(rec("c", 3)));
    await(log.put(rec("a", 1)));
    await(log.put(rec("b", 2)));
    await(log.put(rec("b2", 2)));
    assertThat(idsSince(log, Instant.EPOCH)).containsExactly("a", "b", "b2", "c");
    assertThat(idsSince(log, T0.plusSeconds(2))).containsExactly("b", "b2", "c");
    await(log.put(rec("a", 9)));
    assertThat(idsSince(log, Instant.EPOCH)).containsExactly("b", "b2", "c", "a");
    List<String> firstTwo = new ArrayList<>();
    log.forEachSince(Instant.EPOCH, r -> firstTwo.add(r.id()) && firstTwo.size() < 2);
    assertThat(firstTwo).containsExactly("b", "b2");
  }

  @Test
  default void removesByAgeAndOldestFirst() {
    RecordLog log = store().accessLog();
    for (int i = 0; i < 10; i++) {
      await(log.put(rec("r" + i, i)));
    }
    assertThat(await(log.removeOlderThan(T0.plusSeconds(3), 100))).isEqualTo(3);
    assertThat(await(log.removeOlderThan(T0.plusSeconds(6), 2))).isEqualTo(2);
    assertThat(await(log.removeOldest(2))).isEqualTo(2);
    assertThat(idsSince(log, Instant.EPOCH)).containsExactly("r7", "r8", "r9");
    assertThat(log.get("r6")).isEmpty();
    assertThat(log.approximateCount()).isPositive();
  }

  @Test
  default void logsAreSeparate() {
    await(store().notifications().put(rec("x", 1)));
    assertThat(store().accessLog().get("x")).isEmpty();
  }
}
