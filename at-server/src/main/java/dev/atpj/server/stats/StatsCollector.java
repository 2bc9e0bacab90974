package dev.atpj.server.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.metrics.NotificationCounts;
import dev.atpj.server.sync.WireDates;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Computes {@code stats} values with the reference's value types (docs/protocol.md B13): counts,
 * commit ids, dates and versions as JSON strings, {@code secondaryStorageSize} as a number, maps as
 * JSON text inside a string. Reads whole logs: run it on the ops executor.
 */
public final class StatsCollector {
  /** The most keys {@code stats:15} lists (the reference has no cap). */
  public static final int MAX_LATEST_ENTRIES = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private final StatsSources sources;
  private final KeyPattern filter;
  private AccessSummary summary;

  /**
   * A collector for one request.
   *
   * @param sources what the statistics are read from
   * @param filter the regex of {@code stats:3:<regex>} or {@code stats:15:<regex>}
   */
  public StatsCollector(StatsSources sources, KeyPattern filter) {
    this.sources = sources;
    this.filter = filter;
  }

  /**
   * Renders the reply as the reference does: a Dart list of JSON objects, {@code [{…}, {…}]}.
   *
   * @param ids the statistics asked for, in order, without duplicates
   * @return the text after {@code data: }
   */
  public String render(List<StatId> ids) {
    StringBuilder out = new StringBuilder("[");
    for (StatId id : ids) {
      if (out.length() > 1) {
        out.append(", ");
      }
      ObjectNode stat = JSON.createObjectNode();
      stat.put("id", Integer.toString(id.id()));
      stat.put("name", id.wireName());
      Object value = value(id);
      if (value instanceof Long number) {
        stat.put("value", number);
      } else {
        stat.put("value", (String) value);
      }
      out.append(stat);
    }
    return out.append(']').toString();
  }

  /** The value of one statistic: a String (or null) or a Long. */
  Object value(StatId id) {
    return switch (id) {
      case ACTIVE_INBOUND_CONNECTIONS -> Integer.toString(sources.metrics().activeInbound());
      case ACTIVE_OUTBOUND_CONNECTIONS -> Integer.toString(sources.metrics().activeOutbound());
      case LAST_COMMIT_ID ->
          Long.toString(
              filter == null
                  ? sources.store().lastCommitId()
                  : sources.store().commitLog().lastCommitIdWhere(filter::find));
      case SECONDARY_STORAGE_SIZE -> folderSize(sources.storageDir());
      case TOP_AT_SIGNS -> json(summary().topAtSigns());
      case TOP_KEYS -> json(summary().topKeys());
      case SECONDARY_SERVER_VERSION -> sources.version();
      case LAST_LOGGED_IN_DATETIME -> WireDates.format(summary().lastLogin());
      case DISK_SIZE -> diskSize(folderSize(sources.storageDir()));
      case LAST_PKAM ->
          summary().lastPkam() == null ? "Not Available" : WireDates.format(summary().lastPkam());
      case NOTIFICATION_COUNT -> notificationCounts();
      case COMMIT_LOG_COMPACTION -> compaction("commitLog");
      case ACCESS_LOG_COMPACTION -> compaction("accessLog");
      case NOTIFICATION_COMPACTION -> compaction("notificationLog");
      case LATEST_COMMIT_ENTRY_OF_EACH_KEY -> latestEntries();
    };
  }

  private AccessSummary summary() {
    if (summary == null) {
      sources.accessLog().flush().join();
      summary = AccessSummary.of(sources.accessLog().records(), sources.statsTopN());
    }
    return summary;
  }

  private String compaction(String log) {
    return sources.store().serverProperty(CompactionStats.propertyName(log)).orElse("{}");
  }

  private String notificationCounts() {
    Supplier<NotificationCounts> source = sources.metrics().notificationCounts();
    NotificationCounts c =
        source != null
            ? source.get()
            : NotificationCounts.ofTotal(sources.store().notifications().approximateCount());
    ObjectNode root = JSON.createObjectNode().put("total", c.total());
    root.putObject("type").put("sent", c.sent()).put("received", c.received());
    root.putObject("status")
        .put("delivered", c.delivered())
        .put("failed", c.failed())
        .put("queued", c.queued());
    root.putObject("operations").put("update", c.updates()).put("delete", c.deletes());
    root.putObject("messageType").put("key", c.keys()).put("text", c.texts());
    root.put("createdOn", sources.clock().millis());
    return root.toString();
  }

  private String latestEntries() {
    ObjectNode map = JSON.createObjectNode();
    long cursor = -1;
    while (map.size() < MAX_LATEST_ENTRIES) {
      CommitPage page =
          sources
              .store()
              .commitLog()
              .page(
                  cursor,
                  Math.min(1000, MAX_LATEST_ENTRIES - map.size()),
                  Long.MAX_VALUE,
                  filter == null ? k -> true : filter::find);
      for (CommitEntry e : page.entries()) {
        ArrayNode pair = map.putArray(e.key());
        pair.add(e.commitId());
        pair.add(String.valueOf(e.op().symbol()));
      }
      if (page.lastExaminedId() <= cursor) {
        break;
      }
      cursor = page.lastExaminedId();
    }
    return map.toString();
  }

  private static String json(Map<String, Long> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static long folderSize(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(StatsCollector::sizeOf).sum();
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // removed while walking (RocksDB replaces files)
    }
  }

  static String diskSize(long bytes) {
    ObjectNode node = JSON.createObjectNode();
    int unit = 0;
    double size = bytes;
    while (size >= 1024 && unit < UNITS.length - 1) {
      size /= 1024;
      unit++;
    }
    node.put("size", bytes <= 0 ? "0" : String.format(Locale.ROOT, "%.2f", size));
    node.put("units", UNITS[unit]);
    return node.toString();
  }
}
