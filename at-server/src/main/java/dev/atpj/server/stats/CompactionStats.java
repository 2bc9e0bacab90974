package dev.atpj.server.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.server.sync.WireDates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one compaction run, as {@code stats:12}, {@code 13} and {@code 14} show it: the
 * reference's field names, every value a string.
 *
 * @param type which log ({@code AtCommitLog}, {@code AtAccessLog}, {@code AtNotificationKeystore})
 * @param lastRun when the run finished
 * @param durationMillis how long it took
 * @param entriesBefore records before the run (approximate for persistent stores)
 * @param entriesAfter records after the run (approximate for persistent stores)
 * @param removed records removed
 */
public record CompactionStats(
    String type,
    Instant lastRun,
    long durationMillis,
    long entriesBefore,
    long entriesAfter,
    long removed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server property a run's statistics are kept under, per log. */
  public static String propertyName(String log) {
    return "ops.compactionStats." + log;
  }

  /** The JSON object text. */
  public String toJson() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("atCompactionType", type);
    map.put("lastCompactionRun", WireDates.format(lastRun));
    map.put("compactionDurationInMills", Long.toString(durationMillis));
    map.put("preCompactionEntriesCount", Long.toString(entriesBefore));
    map.put("postCompactionEntriesCount", Long.toString(entriesAfter));
    map.put("deletedKeysCount", Long.toString(removed));
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
