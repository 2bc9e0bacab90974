package dev.atpj.server.stats;

import dev.atpj.store.RecordLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code stats} reports from the access log, gathered in one streaming pass: the atSigns that
 * authenticated with {@code pol} most often, the keys looked up most often, the last login ({@code
 * cram} or {@code pkam}) and the last {@code pkam}.
 *
 * @param topAtSigns atSign → count, most first
 * @param topKeys key → count, most first
 * @param lastLogin the last login, or null
 * @param lastPkam the last pkam, or null
 */
public record AccessSummary(
    Map<String, Long> topAtSigns, Map<String, Long> topKeys, Instant lastLogin, Instant lastPkam) {

  /**
   * Reads the whole access log once.
   *
   * @param log the access log
   * @param topN how many atSigns and keys to keep
   * @return the summary
   */
  public static AccessSummary of(RecordLog log, int topN) {
    Map<String, Long> atSigns = new HashMap<>();
    Map<String, Long> keys = new HashMap<>();
    Instant[] login = {null};
    Instant[] pkam = {null};
    log.forEachSince(
        Instant.EPOCH,
        record -> {
          AccessEntry e = AccessEntry.decode(record.time(), record.data());
          if (e == null) {
            return true;
          }
          switch (e.verb()) {
            case "pol" -> atSigns.merge(e.atSign(), 1L, Long::sum);
            case "lookup", "plookup" -> keys.merge(e.key(), 1L, Long::sum);
            case "pkam" -> {
              pkam[0] = later(pkam[0], e.time());
              login[0] = later(login[0], e.time());
            }
            case "cram" -> login[0] = later(login[0], e.time());
            default -> {}
          }
          return true;
        });
    return new AccessSummary(top(atSigns, topN), top(keys, topN), login[0], pkam[0]);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static Map<String, Long> top(Map<String, Long> counts, int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
