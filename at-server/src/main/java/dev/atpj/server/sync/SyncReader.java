package dev.atpj.server.sync;

import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.sync.SyncEntryJson.Item;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.CommitPage;
import dev.atpj.store.StoredValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of changes for a client (docs/protocol.md A6, B12). Memory is bounded by one page:
 * the store examines at most its page-scan limit of entries per call, and when a call finds nothing
 * to return (all superseded or filtered out) the reader continues after the last examined id, so an
 * empty page means "nothing more", never "look again" (the Dart SDK stops syncing on an empty
 * page). Runs on the ops executor: a page may examine many entries.
 */
public final class SyncReader {
  private final AtStore store;

  /**
   * A reader.
   *
   * @param store the atSign's store
   */
  public SyncReader(AtStore store) {
    this.store = store;
  }

  /**
   * {@code sync:from}: the latest entry of each key changed after {@code after}, in commit order.
   *
   * @param after the client's last commit id (-1 for all)
   * @param limit the most entries
   * @param byteBudget approximate most bytes; the first entry always fits
   * @param filter the client's key filter
   * @return the page (empty when the client is up to date)
   */
  public List<Item> latest(long after, int limit, long byteBudget, KeyPattern filter) {
    long cursor = after;
    while (true) {
      CommitPage page = store.commitLog().page(cursor, limit, byteBudget, filter::find);
      if (!page.entries().isEmpty()) {
        return withValues(page.entries());
      }
      if (page.lastExaminedId() <= cursor) {
        return List.of();
      }
      cursor = page.lastExaminedId();
    }
  }

  /**
   * Whitepaper {@code sync:<id>}: every entry after {@code after}, superseded ones included, in
   * commit order, each with the key's current value (the commit log keeps no old values).
   *
   * @param after the client's last commit id (-1 for all)
   * @param limit the most entries
   * @param filter the client's key filter
   * @return the page (empty when the client is up to date)
   */
  public List<Item> every(long after, int limit, KeyPattern filter) {
    List<Item> out = new ArrayList<>();
    long cursor = after;
    while (true) {
      List<CommitEntry> chunk = store.commitLog().entriesSince(cursor, limit);
      if (chunk.isEmpty()) {
        return out;
      }
      for (CommitEntry e : chunk) {
        cursor = e.commitId();
        if (filter.find(e.key())) {
          out.add(new Item(e, valueOf(e)));
          if (out.size() >= limit) {
            return out;
          }
        }
      }
    }
  }

  private List<Item> withValues(List<CommitEntry> entries) {
    List<Item> out = new ArrayList<>(entries.size());
    for (CommitEntry e : entries) {
      StoredValue value = valueOf(e);
      if (value == null && e.op() != CommitOp.DELETE) {
        continue; // deleted since the page was read; its delete entry comes later
      }
      out.add(new Item(e, value));
    }
    return out;
  }

  private StoredValue valueOf(CommitEntry e) {
    return e.op() == CommitOp.DELETE ? null : store.get(e.key()).orElse(null);
  }
}
