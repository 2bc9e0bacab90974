package dev.atpj.server.data;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable writes of the owner's keys: each read-modify-write runs after the previous one of the
 * same key ({@link KeySequencer}), goes to the commit log when the key type is committed ({@link
 * AtKey#isCommitted()}), and is reported to the {@link KeyChangeListener}s once durable.
 */
public final class KeyWriter {
  private static final Logger LOG = LoggerFactory.getLogger(KeyWriter.class);

  private final AtStore store;
  private final Clock clock;
  private final AtSign me;
  private final KeySequencer sequencer = new KeySequencer();
  private final List<KeyChangeListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * A writer.
   *
   * @param store the atSign's store
   * @param clock the server's clock
   * @param me the server's atSign, recorded as the writer in metadata
   */
  public KeyWriter(AtStore store, Clock clock, AtSign me) {
    this.store = store;
    this.clock = clock;
    this.me = me;
  }

  /** How a write turns the current value into the new one. */
  @FunctionalInterface
  public interface Change {
    /**
     * The new value.
     *
     * @param current the stored value, or null when the key is absent or expired
     * @param now the time of the write, millisecond precision
     * @return the value to store
     * @throws dev.atpj.protocol.AtException to refuse the write (e.g. AT0015)
     */
    StoredValue apply(StoredValue current, Instant now);
  }

  /**
   * Adds a listener for committed changes.
   *
   * @param listener the listener
   */
  public void addListener(KeyChangeListener listener) {
    listeners.add(listener);
  }

  /** The atSign writes are recorded for. */
  public AtSign atSign() {
    return me;
  }

  /** The current time at millisecond precision, as stored in metadata. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Writes a key.
   *
   * @param key the canonical key
   * @param op the commit operation if the key type is committed
   * @param change computes the new value
   * @param executor where to continue when an earlier write of the key is still in flight
   * @return the commit id, or -1 for a key type that is not committed
   */
  public CompletableFuture<Long> put(AtKey key, CommitOp op, Change change, Executor executor) {
    String name = key.toString();
    return sequencer.run(
        name,
        executor,
        () -> {
          Instant now = now();
          StoredValue current =
              store.get(name).filter(v -> !v.metadata().isExpiredAt(now)).orElse(null);
          StoredValue next = change.apply(current, now);
          CommitOp commit = key.isCommitted() ? op : null;
          return store.put(name, next, commit).thenApply(id -> reported(key, commit, next, id));
        });
  }

  /**
   * Deletes a key; deleting a missing key still commits (docs/protocol.md B9).
   *
   * @param key the canonical key
   * @param executor where to continue when an earlier write of the key is still in flight
   * @return the commit id, or -1 for a key type that is not committed
   */
  public CompletableFuture<Long> delete(AtKey key, Executor executor) {
    String name = key.toString();
    boolean committed = key.isCommitted();
    return sequencer.run(
        name,
        executor,
        () ->
            store
                .delete(name, committed)
                .thenApply(id -> reported(key, committed ? CommitOp.DELETE : null, null, id)));
  }

  /**
   * Deletes the CRAM secret and, in the same atomic batch, writes the marker that stops it from
   * being seeded again (docs/protocol.md B5, C5 step 8).
   *
   * @param executor where to continue when an earlier write of the secret is still in flight
   * @return -1 ({@code privatekey:} keys are not committed)
   */
  public CompletableFuture<Long> deleteSecret(Executor executor) {
    String secret = ReservedKeys.AT_SECRET.toString();
    return sequencer.run(
        secret,
        executor,
        () -> {
          StoredValue marker =
              new StoredValue("true", MetadataRules.forWrite(null, m -> m, me, now()));
          return store
              .apply(
                  List.of(
                      new Mutation.Delete(secret, false),
                      new Mutation.Put(ReservedKeys.AT_SECRET_DELETED.toString(), marker, null)))
              .thenApply(ids -> ids.get(0));
        });
  }

  private long reported(AtKey key, CommitOp op, StoredValue value, long commitId) {
    if (op != null && commitId >= 0 && !listeners.isEmpty()) {
      KeyChange change = new KeyChange(key, op, value, commitId);
      for (KeyChangeListener listener : listeners) {
        try {
          listener.onChange(change);
        } catch (RuntimeException e) {
          LOG.warn("a key change listener failed (commit {})", commitId, e);
        }
      }
    }
    return commitId;
  }
}
