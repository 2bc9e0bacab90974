package dev.atpj.server.peer;

import dev.atpj.protocol.AtSign;
import dev.atpj.store.AtStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The atSigns this atServer refuses to talk to (docs/protocol.md B13 {@code config:block}): their
 * {@code from:} is answered with AT0013 and the connection is closed. Held in memory for the {@code
 * from} check and kept durably as a server property of the store, written in the order the changes
 * were made. Thread-safe.
 */
public final class BlockList {
  /** The store's server property holding the list, atSigns separated by spaces. */
  static final String PROPERTY = "blocklist";

  private final AtStore store;
  private volatile Set<AtSign> blocked;
  private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

  /**
   * Loads the list.
   *
   * @param store the atSign's store
   */
  public BlockList(AtStore store) {
    this.store = store;
    Set<AtSign> loaded = new TreeSet<>();
    for (String name : store.serverProperty(PROPERTY).orElse("").split(" ")) {
      if (!name.isBlank() && AtSign.isValid(name)) {
        loaded.add(AtSign.parse(name));
      }
    }
    this.blocked = Set.copyOf(loaded);
  }

  /** Whether an atSign is blocked. */
  public boolean isBlocked(AtSign atSign) {
    return blocked.contains(atSign);
  }

  /** The blocked atSigns, sorted. */
  public List<AtSign> list() {
    return List.copyOf(new TreeSet<>(blocked));
  }

  /**
   * Blocks atSigns.
   *
   * @param atSigns the atSigns
   * @return completes once the list is durable
   */
  public CompletableFuture<Void> add(Collection<AtSign> atSigns) {
    return change(atSigns, true);
  }

  /**
   * Unblocks atSigns.
   *
   * @param atSigns the atSigns
   * @return completes once the list is durable
   */
  public CompletableFuture<Void> remove(Collection<AtSign> atSigns) {
    return change(atSigns, false);
  }

  private synchronized CompletableFuture<Void> change(Collection<AtSign> atSigns, boolean add) {
    Set<AtSign> next = new TreeSet<>(blocked);
    if (add) {
      next.addAll(atSigns);
    } else {
      next.removeAll(atSigns);
    }
    blocked = Set.copyOf(next);
    String value =
        next.isEmpty() ? null : String.join(" ", next.stream().map(AtSign::toString).toList());
    lastWrite =
        lastWrite
            .exceptionally(e -> null)
            .thenCompose(v -> store.putServerProperty(PROPERTY, value));
    return lastWrite;
  }
}
