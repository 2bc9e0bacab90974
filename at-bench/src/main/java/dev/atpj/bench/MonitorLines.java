package dev.atpj.bench;

import dev.atpj.protocol.reply.ReplyParser;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Matches monitor lines to the notifications awaited, by id; runs on the client event loop. */
final class MonitorLines {
  private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong unexpected = new AtomicLong();

  /** Notification lines that matched no awaited id (a duplicate would be one). */
  long unexpected() {
    return unexpected.get();
  }

  CompletableFuture<Long> expect(String id) {
    CompletableFuture<Long> f = new CompletableFuture<>();
    waiting.put(id, f);
    return f;
  }

  /** Answers keep their reply; notification lines go to {@link #arrived}. */
  String strip(String line) {
    String s = ReplyParser.stripPrompt(line);
    return s.startsWith("notification:") ? null : s;
  }

  void arrived(String line) {
    long now = System.nanoTime();
    String s = ReplyParser.stripPrompt(line);
    int at = s.indexOf("\"id\":\"");
    if (at < 0) {
      unexpected.incrementAndGet();
      return;
    }
    int start = at + 6;
    String id = s.substring(start, s.indexOf('"', start));
    CompletableFuture<Long> f = waiting.remove(id);
    if (f == null) {
      unexpected.incrementAndGet();
    } else {
      f.complete(now);
    }
  }
}
